package dev.bazaar.inventory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Stock as the admin console manages it, through the same service and rules as
 * {@code /api/v1/admin/inventory}: every change is kept in the movement history with its reason, and on hand can
 * never fall below what unpaid orders hold (409). Who may change which product's stock is the caller's to check
 * (the catalog knows the products' sellers).
 */
public interface StockAdministration {

    /** On hand, reserved, available and the latest movements; a product without stock records has none. */
    StockView level(UUID productId);

    /**
     * Sets ({@code onHand}) or changes ({@code adjustBy}) the units on hand, exactly one of them, with a reason
     * (1–255 characters). Returns the level after the change.
     */
    StockView adjust(UUID productId, Integer onHand, Integer adjustBy, String reason);

    /** Products whose available stock is under the low-stock threshold, the emptiest first. */
    List<LowStock> lowStock(int limit);

    record StockView(
            UUID productId, int onHand, int reserved, int available, int lowStockThreshold, List<Movement> movements) {}

    record Movement(
            int onHandDelta, int reservedDelta, int onHandAfter, String reason, String reference, OffsetDateTime at) {}

    record LowStock(UUID productId, int available, int threshold) {}
}
