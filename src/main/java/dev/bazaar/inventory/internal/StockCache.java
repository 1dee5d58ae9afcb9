package dev.bazaar.inventory.internal;

import dev.bazaar.platform.AfterCommit;
import dev.bazaar.platform.cache.MultiGetCache;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The available stock of products as lists show it ({@code stock}, key = product id): a search page or a shopper's
 * recommendations show the stock of dozens of products, which cost a query per request without it. Every stock
 * change goes through {@link StockAlerts}, which evicts the product once the change commits; with Kafka, changes on
 * other instances evict it when their {@code StockChanged} arrives ({@link InventoryTopicFollower}). Decisions
 * (reservations) never read it.
 */
@Component
class StockCache {

    static final String NAME = "stock";

    private final MultiGetCache<UUID, Integer> stock;

    StockCache(CacheManager caches) {
        this.stock = new MultiGetCache<>(caches.getCache(NAME));
    }

    Map<UUID, Integer> available(Collection<UUID> productIds, Function<Collection<UUID>, Map<UUID, Integer>> read) {
        return stock.getAll(productIds, read);
    }

    /**
     * Evicts the product once the caller's transaction ends, committed or not: a list read inside that transaction
     * may have cached what it had not committed yet.
     */
    void evictAfterTransaction(UUID productId) {
        AfterCommit.runAfterTransaction(() -> stock.evict(productId));
    }

    void evict(UUID productId) {
        stock.evict(productId);
    }

    /** After a bulk load: any product's stock may have changed. */
    void clearAfterTransaction() {
        AfterCommit.runAfterTransaction(stock::clear);
    }
}
