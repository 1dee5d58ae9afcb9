package dev.bazaar.cart.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.cart.PricedCart;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class CheckoutCarts implements Carts {

    private final CartService carts;
    private final CartStore store;
    private final org.springframework.cache.Cache cache;

    CheckoutCarts(CartService carts, CartStore store, org.springframework.cache.CacheManager caches) {
        this.carts = carts;
        this.store = store;
        this.cache = caches.getCache(CartService.CART_CACHE);
    }

    @Override
    public CheckoutCart forCheckout(UUID userId) {
        PricedCart cart = carts.view(new CartOwner.User(userId));
        return new CheckoutCart(
                cart.items().stream()
                        .filter(item -> !item.unavailable())
                        .map(item -> new Line(
                                item.product().id(),
                                item.product().title(),
                                item.quantity(),
                                item.price(),
                                item.subtotal()))
                        .toList(),
                cart.currency(),
                cart.subtotal(),
                cart.discount(),
                cart.shipping(),
                cart.total(),
                cart.coupon() != null && cart.coupon().applied() ? cart.coupon().code() : null);
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
        store.load(new CartOwner.User(userId)).ifPresent(cart -> {
            store.deleteAllLines(cart.id());
            store.setCoupon(cart.id(), null);
        });
        cache.evict(userId);
    }
}
