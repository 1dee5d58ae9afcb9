package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.platform.AfterCommit;
import dev.bazaar.platform.cache.MultiGetCache;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The catalog's caches of single products and every eviction from them: product rows ({@code product}, key = product
 * id, {@code product:{id}} in Redis) and assembled product details ({@code product-details}, key = product id, for
 * the pages; {@code product-details-json}, the same rendered as the API sends them), whose
 * changes also clear the listing pages ({@code product-listing}). Details hold what other modules add to a product
 * (stock, reviews, related products), so besides the catalog's own changes they are evicted when the stock changes,
 * when the reviews they show change, and when related products are computed again.
 *
 * <p>Evictions run after the commit of the change: evicting before would let a concurrent read cache the old state
 * again in between.
 */
@Component
class ProductCaches {

    static final String ROWS = "product";
    static final String DETAILS = "product-details";
    static final String RENDERED_DETAILS = "product-details-json";

    private final MultiGetCache<UUID, ProductRow> rows;
    private final Cache details;
    private final Cache renderedDetails;
    private final Cache listings;

    ProductCaches(CacheManager caches) {
        this.rows = new MultiGetCache<>(caches.getCache(ROWS));
        this.details = caches.getCache(DETAILS);
        this.renderedDetails = caches.getCache(RENDERED_DETAILS);
        this.listings = caches.getCache(ProductListing.LISTING_CACHE);
    }

    /**
     * The product's row; empty if it does not exist (then nothing is cached: the id may belong to a product created
     * later). The load runs inside the cache's per-key computation, so an eviction after an update either waits for
     * it and removes what it loaded, or comes first and the load sees the update.
     */
    Optional<ProductRow> row(UUID id, Supplier<Optional<ProductRow>> load) {
        return cached(rows.cache(), id, load);
    }

    /**
     * The rows of the given products that exist, from one multi-get of the in-process cache and one load of the
     * rest ({@code loadMissing}, one query); with a cache that has no multi-get (Redis), from one load of all of them.
     */
    Map<UUID, ProductRow> rows(Collection<UUID> ids, Function<Collection<UUID>, List<ProductRow>> loadMissing) {
        return rows.getAll(ids, missing -> byId(loadMissing.apply(missing)));
    }

    /** The product's assembled details, computed once per product until evicted; empty if it does not exist. */
    Optional<ProductDetails> details(UUID id, Supplier<Optional<ProductDetails>> assemble) {
        return cached(details, id, assemble);
    }

    /**
     * The product's details rendered as the API sends them, computed once per product until evicted (with its
     * details, by the same changes); empty if it does not exist.
     */
    Optional<RenderedDetails> renderedDetails(UUID id, Supplier<Optional<RenderedDetails>> render) {
        return cached(renderedDetails, id, render);
    }

    /** A product itself changed: its row, its details and every listing page are stale. */
    void evictProduct(UUID id) {
        rows.evict(id);
        evictDetails(id);
        listings.clear();
    }

    private void evictDetails(UUID id) {
        details.evict(id);
        renderedDetails.evict(id);
    }

    /** {@link #evictProduct} once the caller's transaction commits (at once without one). */
    void evictProductAfterCommit(UUID id) {
        AfterCommit.run(() -> evictProduct(id));
    }

    /** What product details show of the product changed elsewhere (stock, reviews), once the caller commits. */
    void evictDetailsAfterCommit(UUID id) {
        AfterCommit.run(() -> evictDetails(id));
    }

    /** Every product's details may be stale (related products computed again). */
    void clearDetails() {
        details.clear();
        renderedDetails.clear();
    }

    private static <T> Optional<T> cached(Cache cache, UUID id, Supplier<Optional<T>> load) {
        try {
            return Optional.of(cache.get(id, () -> load.get().orElseThrow(NotFound::new)));
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof NotFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Map<UUID, ProductRow> byId(List<ProductRow> rows) {
        Map<UUID, ProductRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    /** Aborts a cache load for an unknown id without caching anything. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
