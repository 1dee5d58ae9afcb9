package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.InsufficientStockException;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.platform.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code inventory_items} table behind the {@link Inventory} API. */
@Service
class InventoryService implements Inventory {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final StockMovementStore movements;
    private final StockAlerts alerts;
    private final StockCache cache;

    InventoryService(
            JdbcClient jdbc,
            DataSource dataSource,
            StockMovementStore movements,
            StockAlerts alerts,
            StockCache cache) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.movements = movements;
        this.alerts = alerts;
        this.cache = cache;
    }

    @Override
    public int available(UUID productId) {
        return jdbc.sql("SELECT on_hand - reserved FROM inventory_items WHERE product_id = :id")
                .param("id", productId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public Map<UUID, Integer> available(Collection<UUID> productIds) {
        return productIds.isEmpty() ? new HashMap<>() : read(productIds);
    }

    @Override
    public Map<UUID, Integer> availableToShow(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return cache.available(productIds, this::read);
    }

    /** The available units of each product, 0 for one without a stock record, in one query. */
    private Map<UUID, Integer> read(Collection<UUID> productIds) {
        Map<UUID, Integer> result = new HashMap<>();
        productIds.forEach(id -> result.put(id, 0));
        jdbc.sql("SELECT product_id, on_hand - reserved AS available FROM inventory_items "
                        + "WHERE product_id = ANY(:ids)")
                .param("ids", productIds.toArray(UUID[]::new))
                .query((rs, row) -> result.put(rs.getObject("product_id", UUID.class), rs.getInt("available")))
                .list();
        return result;
    }

    @Override
    @Transactional
    public void setOnHand(UUID productId, int onHand) {
        adjust(productId, onHand, null, "set");
    }

    /**
     * Sets ({@code onHand}) or changes ({@code delta}) the units on hand, recording why. Refused (409) when it
     * would leave fewer units on hand than unpaid orders hold. Returns the level after the change.
     */
    @Transactional
    Level adjust(UUID productId, Integer onHand, Integer delta, String reason) {
        jdbc.sql(
                        "INSERT INTO inventory_items (product_id, on_hand) VALUES (:id, 0) ON CONFLICT (product_id) DO NOTHING")
                .param("id", productId)
                .update();
        Level before = level(productId);
        int target = onHand != null ? onHand : before.onHand() + delta;
        if (target < before.reserved()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "STOCK_HELD",
                    "Unpaid orders hold " + before.reserved() + " units; on hand cannot go below that");
        }
        jdbc.sql("UPDATE inventory_items SET on_hand = :onHand, updated_at = now() WHERE product_id = :id")
                .param("id", productId)
                .param("onHand", target)
                .update();
        movements.record(productId, target - before.onHand(), 0, reason, null);
        alerts.stockChanged(productId, reason, Math.max(0, before.onHand() - target));
        return level(productId);
    }

    /** The product's stock row, locked for the rest of the transaction. */
    Level level(UUID productId) {
        return jdbc.sql("SELECT on_hand, reserved FROM inventory_items WHERE product_id = :id FOR UPDATE")
                .param("id", productId)
                .query((rs, row) -> new Level(productId, rs.getInt("on_hand"), rs.getInt("reserved")))
                .optional()
                .orElse(new Level(productId, 0, 0));
    }

    record Level(UUID productId, int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    @Override
    @Transactional
    public long loadOnHand(Stream<StockLevel> levels) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            long rows = 0;
            try (Writer out = new java.io.OutputStreamWriter(
                    new PGCopyOutputStream(pg, "COPY inventory_items (product_id, on_hand) FROM STDIN"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                var iterator = levels.iterator();
                while (iterator.hasNext()) {
                    StockLevel level = iterator.next();
                    out.write(level.productId().toString());
                    out.write('\t');
                    out.write(Integer.toString(Math.max(0, level.onHand())));
                    out.write('\n');
                    rows++;
                }
            }
            jdbc.sql("ANALYZE inventory_items").update();
            cache.clearAfterTransaction();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("COPY into inventory_items failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void reserve(UUID orderId, Map<UUID, Integer> quantities, Instant expiresAt) {
        // products in a fixed order, so two checkouts of the same products never deadlock
        for (Map.Entry<UUID, Integer> line : new TreeMap<>(quantities).entrySet()) {
            int updated = jdbc.sql("UPDATE inventory_items SET reserved = reserved + :quantity, updated_at = now() "
                            + "WHERE product_id = :productId AND on_hand - reserved >= :quantity")
                    .param("productId", line.getKey())
                    .param("quantity", line.getValue())
                    .update();
            if (updated == 0) {
                throw new InsufficientStockException(line.getKey(), Math.max(0, available(line.getKey())));
            }
            jdbc.sql("INSERT INTO inventory_reservations (order_id, product_id, quantity, status, expires_at) "
                            + "VALUES (:orderId, :productId, :quantity, 'reserved', :expiresAt)")
                    .param("orderId", orderId)
                    .param("productId", line.getKey())
                    .param("quantity", line.getValue())
                    .param("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                    .update();
            movements.record(line.getKey(), 0, line.getValue(), "reserved", orderId.toString());
            alerts.stockChanged(line.getKey(), "reserved", line.getValue());
        }
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean holdsStock(UUID orderId) {
        List<String> statuses = jdbc.sql("SELECT status FROM inventory_reservations WHERE order_id = :orderId "
                        + "ORDER BY product_id FOR UPDATE")
                .param("orderId", orderId)
                .query(String.class)
                .list();
        return !statuses.isEmpty() && statuses.stream().allMatch("reserved"::equals);
    }

    @Override
    @Transactional
    public void commit(UUID orderId) {
        for (Held held : heldBy(orderId, "reserved")) {
            jdbc.sql("UPDATE inventory_items SET on_hand = on_hand - :quantity, reserved = reserved - :quantity, "
                            + "updated_at = now() WHERE product_id = :productId")
                    .param("productId", held.productId())
                    .param("quantity", held.quantity())
                    .update();
            markReservation(orderId, held.productId(), "committed");
            movements.record(held.productId(), -held.quantity(), -held.quantity(), "sold", orderId.toString());
            alerts.stockChanged(held.productId(), "sold", 0);
        }
    }

    @Override
    @Transactional
    public void release(UUID orderId, String reason) {
        for (Held held : heldBy(orderId, "reserved")) {
            jdbc.sql("UPDATE inventory_items SET reserved = reserved - :quantity, updated_at = now() "
                            + "WHERE product_id = :productId")
                    .param("productId", held.productId())
                    .param("quantity", held.quantity())
                    .update();
            markReservation(orderId, held.productId(), "released");
            movements.record(held.productId(), 0, -held.quantity(), reason, orderId.toString());
            alerts.stockChanged(held.productId(), reason, 0);
        }
    }

    @Override
    @Transactional
    public void restock(UUID orderId, String reason) {
        for (Held held : heldBy(orderId, "committed")) {
            jdbc.sql("UPDATE inventory_items SET on_hand = on_hand + :quantity, updated_at = now() "
                            + "WHERE product_id = :productId")
                    .param("productId", held.productId())
                    .param("quantity", held.quantity())
                    .update();
            markReservation(orderId, held.productId(), "released");
            movements.record(held.productId(), held.quantity(), 0, reason, orderId.toString());
            alerts.stockChanged(held.productId(), reason, 0);
        }
    }

    /** The order's reservations in a given state, locked. */
    private List<Held> heldBy(UUID orderId, String status) {
        return jdbc.sql("SELECT product_id, quantity FROM inventory_reservations WHERE order_id = :orderId "
                        + "AND status = :status ORDER BY product_id FOR UPDATE")
                .param("orderId", orderId)
                .param("status", status)
                .query((rs, row) -> new Held(rs.getObject("product_id", UUID.class), rs.getInt("quantity")))
                .list();
    }

    private void markReservation(UUID orderId, UUID productId, String status) {
        jdbc.sql(
                        "UPDATE inventory_reservations SET status = :status WHERE order_id = :orderId AND product_id = :productId")
                .param("status", status)
                .param("orderId", orderId)
                .param("productId", productId)
                .update();
    }

    private record Held(UUID productId, int quantity) {}
}
