package dev.bazaar.catalog.internal;

import dev.bazaar.inventory.StockChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Product details show the product's stock, and they are cached: a stock change (a sale, a restock, a reservation)
 * evicts them once it commits. A plain listener in the publisher's transaction rather than an asynchronous module
 * listener: the next request after the commit must see the new stock, and an eviction needs no retry log (a failure
 * here cannot happen short of the cache's own, which the cache absorbs).
 */
@Component
class StockInProductDetails {

    private final ProductCaches caches;

    StockInProductDetails(ProductCaches caches) {
        this.caches = caches;
    }

    @EventListener
    void on(StockChanged change) {
        caches.evictDetailsAfterCommit(change.productId());
    }
}
