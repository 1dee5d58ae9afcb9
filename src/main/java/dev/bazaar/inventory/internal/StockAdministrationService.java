package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.StockAdministration;
import dev.bazaar.platform.DomainException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link StockAdministration} over {@link InventoryService}, validating as {@code PUT /admin/inventory/{id}} does. */
@Service
class StockAdministrationService implements StockAdministration {

    private static final int MAX_UNITS = 10_000_000;

    private final InventoryService stock;
    private final StockMovementStore movements;
    private final StockAlerts alerts;
    private final JdbcClient jdbc;

    StockAdministrationService(
            InventoryService stock, StockMovementStore movements, StockAlerts alerts, JdbcClient jdbc) {
        this.stock = stock;
        this.movements = movements;
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    /** 404 for a product the catalog never gave stock to: every product gets its row when it is created. */
    void requireStockRecord(UUID productId) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM inventory_items WHERE product_id = :id)")
                .param("id", productId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw DomainException.notFound("Product");
        }
    }

    @Override
    public StockView level(UUID productId) {
        return view(stock.level(productId));
    }

    @Override
    public StockView adjust(UUID productId, Integer onHand, Integer adjustBy, String reason) {
        if ((onHand == null) == (adjustBy == null)) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Give exactly one of onHand and adjustBy", null);
        }
        if (onHand != null && (onHand < 0 || onHand > MAX_UNITS)) {
            throw DomainException.invalidField("onHand", "must be between 0 and " + MAX_UNITS);
        }
        if (adjustBy != null && Math.abs((long) adjustBy) > MAX_UNITS) {
            throw DomainException.invalidField("adjustBy", "must be between -" + MAX_UNITS + " and " + MAX_UNITS);
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalidField("reason", "must not be blank");
        }
        if (reason.length() > 255) {
            throw DomainException.invalidField("reason", "size must be between 0 and 255");
        }
        return view(stock.adjust(productId, onHand, adjustBy, reason.strip()));
    }

    @Override
    public List<LowStock> lowStock(int limit) {
        int threshold = alerts.threshold();
        return jdbc.sql("SELECT product_id, on_hand - reserved AS available FROM inventory_items "
                        + "WHERE on_hand - reserved < :threshold ORDER BY on_hand - reserved, product_id LIMIT :limit")
                .param("threshold", threshold)
                .param("limit", Math.max(1, Math.min(limit, 100)))
                .query((rs, row) ->
                        new LowStock(rs.getObject("product_id", UUID.class), rs.getInt("available"), threshold))
                .list();
    }

    private StockView view(InventoryService.Level level) {
        return new StockView(
                level.productId(),
                level.onHand(),
                level.reserved(),
                level.available(),
                alerts.threshold(),
                movements.recent(level.productId(), 20).stream()
                        .map(m -> new Movement(
                                m.onHandDelta(), m.reservedDelta(), m.onHandAfter(), m.reason(), m.reference(), m.at()))
                        .toList());
    }
}
