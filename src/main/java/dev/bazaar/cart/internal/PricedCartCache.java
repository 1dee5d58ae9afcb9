package dev.bazaar.cart.internal;

import dev.bazaar.cart.PricedCart;
import dev.bazaar.platform.AfterCommit;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The {@code cart} cache: a signed-in shopper's cart as {@code GET /api/v1/cart} answers it, priced (key = user id,
 * {@code cart:user:{userId}} in Redis, an hour after the last read). An entry is dropped when anything its price
 * depends on changes: the cart (every change by {@link CartService}, the clearing after checkout), a product in it
 * (price, title, picture, on sale or not, and its stock: {@link PricedCartInvalidation}), its coupon or the
 * shopper's own discount (saved by an admin); and it is priced again once a coupon or discount it counted starts or
 * ends ({@link CachedPricedCart#validUntil()}). Guests' carts are priced on every read.
 *
 * <p>In process (Caffeine) a load runs inside the key's computation, so an eviction that meets a load in flight waits
 * for it and removes what it priced. Several instances need the cache in Redis: an in-process entry is only evicted
 * by changes made through its own instance.
 */
@Component
class PricedCartCache {

    static final String NAME = "cart";

    private final Cache cache;
    private final CartStore store;

    PricedCartCache(CacheManager caches, CartStore store) {
        this.cache = caches.getCache(NAME);
        this.store = store;
    }

    PricedCart get(UUID userId, Supplier<CachedPricedCart> pricing) {
        CachedPricedCart cached = cache.get(userId, pricing::get);
        if (cached.validAt(Instant.now())) {
            return cached.cart();
        }
        cache.evict(userId);
        return pricing.get().cart();
    }

    /** Call once the change is committed, or through {@link #evictAfterCommit}. */
    void evict(UUID userId) {
        cache.evict(userId);
    }

    /**
     * Evicts once the current transaction commits (at once without one): evicted earlier, a read before the commit
     * could cache the cart as it was.
     */
    void evictAfterCommit(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<UUID> evicted = List.copyOf(userIds);
        AfterCommit.run(() -> evicted.forEach(cache::evict));
    }

    /** The carts holding the product, read in the caller's transaction, evicted once it commits. */
    void evictCartsWithProduct(UUID productId) {
        evictAfterCommit(store.usersWithProduct(productId));
    }

    void evictCartsWithCoupon(String code) {
        evictAfterCommit(store.usersWithCoupon(code));
    }
}
