package dev.bazaar.cart.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.cart.PricedCart;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class CheckoutCarts implements Carts {

    private final CartService carts;
    private final CartStore store;
    private final Coupons coupons;
    private final org.springframework.cache.Cache cache;

    CheckoutCarts(CartService carts, CartStore store, Coupons coupons, org.springframework.cache.CacheManager caches) {
        this.carts = carts;
        this.store = store;
        this.coupons = coupons;
        this.cache = caches.getCache(CartService.CART_CACHE);
    }

    @Override
    public CheckoutCart lockForCheckout(UUID userId) {
        CartOwner owner = new CartOwner.User(userId);
        Optional<CartRows> rows = store.lockUserCart(userId);
        Map<UUID, CartRows.Line> stored = rows.map(
                        cart -> cart.lines().stream().collect(Collectors.toMap(CartRows.Line::id, Function.identity())))
                .orElse(Map.of());
        PricedCart cart = carts.price(owner, rows);
        return new CheckoutCart(
                cart.items().stream()
                        .filter(item -> !item.unavailable())
                        .map(item -> new Line(
                                item.product().id(),
                                item.product().title(),
                                item.quantity(),
                                item.price(),
                                item.subtotal(),
                                stored.get(item.id()).priceWhenAdded(),
                                item.product().currency()))
                        .toList(),
                cart.currency(),
                cart.subtotal(),
                cart.discount(),
                cart.shipping(),
                cart.total(),
                cart.coupon() != null && cart.coupon().applied() ? cart.coupon().code() : null,
                rows.map(CartRows::updatedAt)
                        .map(java.time.OffsetDateTime::toInstant)
                        .orElse(Instant.EPOCH));
    }

    @Override
    public Optional<String> redeemCoupon(String code, UUID userId, UUID orderId) {
        return coupons.redeem(code, userId, orderId, Instant.now());
    }

    @Override
    public void releaseCoupon(UUID orderId) {
        coupons.release(orderId);
    }

    @Override
    public Set<UUID> productsInCart(UUID userId) {
        return store.load(new CartOwner.User(userId))
                .map(cart ->
                        cart.lines().stream().map(CartRows.Line::productId).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    @Override
    public void clearAfterCheckout(UUID userId) {
        store.lockUserCart(userId).ifPresent(cart -> {
            store.deleteAllLines(cart.id());
            store.setCoupon(cart.id(), null);
        });
        cache.evict(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a read between the eviction and the commit may have cached the rows still in the cart
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.evict(userId);
                }
            });
        }
    }
}
