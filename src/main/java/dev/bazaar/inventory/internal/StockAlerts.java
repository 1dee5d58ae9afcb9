package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.LowStockReached;
import dev.bazaar.inventory.StockChanged;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes inventory-events in the transaction that changed the stock: {@link StockChanged} always, and
 * {@link LowStockReached} when available stock crosses below {@code bazaar.inventory.low-stock-threshold}; every
 * stock change passes here, so this is also where the product's cached stock ({@link StockCache}) is evicted.
 */
@Component
class StockAlerts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int threshold;
    private final StockCache cache;

    StockAlerts(JdbcClient jdbc, ApplicationEventPublisher events, InventoryProperties properties, StockCache cache) {
        this.jdbc = jdbc;
        this.events = events;
        this.threshold = properties.lowStockThreshold();
        this.cache = cache;
    }

    /** {@code decrease} is how much available stock just fell (0 if it rose), to tell a crossing. */
    void stockChanged(UUID productId, String reason, int decrease) {
        // registered before the event's listeners register theirs, so the cached stock is gone by the time what
        // was built from it (priced carts) is evicted and built again
        cache.evictAfterTransaction(productId);
        jdbc.sql("SELECT on_hand, reserved FROM inventory_items WHERE product_id = :productId")
                .param("productId", productId)
                .query((rs, row) -> {
                    int onHand = rs.getInt("on_hand");
                    int reserved = rs.getInt("reserved");
                    int available = onHand - reserved;
                    Instant now = Instant.now();
                    events.publishEvent(new StockChanged(productId, onHand, reserved, available, reason, now));
                    if (available < threshold && available + decrease >= threshold) {
                        events.publishEvent(new LowStockReached(productId, available, threshold, now));
                    }
                    return available;
                })
                .optional();
    }

    int threshold() {
        return threshold;
    }
}
