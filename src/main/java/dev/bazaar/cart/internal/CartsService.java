package dev.bazaar.cart.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.cart.PricedCart;
import dev.bazaar.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class CartsService implements Carts {

    private final CartService carts;
    private final CartStore store;
    private final CouponStore coupons;
    private final PricedCartCache cache;

    CartsService(CartService carts, CartStore store, CouponStore coupons, PricedCartCache cache) {
        this.carts = carts;
        this.store = store;
        this.coupons = coupons;
        this.cache = cache;
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
                                Money.of(
                                        stored.get(item.id()).priceWhenAdded(),
                                        item.price().currency())))
                        .toList(),
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
        cache.evictAfterCommit(List.of(userId));
    }
}
