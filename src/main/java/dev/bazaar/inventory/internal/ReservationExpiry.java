package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.ReservationExpired;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases holds of unpaid orders whose time ran out, and tells the order module ({@link ReservationExpired}).
 * Several instances share the work: each locks the reservations it takes with SKIP LOCKED.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final JdbcClient jdbc;
    private final InventoryService stock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ReservationExpiry(
            JdbcClient jdbc,
            InventoryService stock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.events = events;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${bazaar.inventory.expiry-check-every:PT1M}", initialDelayString = "PT1M")
    int releaseExpired() {
        Integer released = transactions.execute(tx -> {
            List<UUID> orders = jdbc.sql(
                            "SELECT DISTINCT order_id FROM (SELECT order_id FROM inventory_reservations "
                                    + "WHERE status = 'reserved' AND expires_at < now() LIMIT 500 FOR UPDATE SKIP LOCKED) expired")
                    .query(UUID.class)
                    .list();
            for (UUID orderId : orders) {
                stock.release(orderId, "reservation expired");
                events.publishEvent(new ReservationExpired(orderId, Instant.now()));
            }
            return orders.size();
        });
        if (released != null && released > 0) {
            log.info("Released the expired stock holds of {} orders", released);
        }
        return released == null ? 0 : released;
    }
}
