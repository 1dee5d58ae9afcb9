package dev.bazaar.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Stock levels, the only way other modules learn or set how many units of a product can be sold. Available
 * stock is what is on hand minus what unpaid checkouts hold.
 */
public interface Inventory {

    /** Units that can be sold now; 0 for a product without stock records. */
    int available(UUID productId);

    /** Available units for each of {@code productIds} (absent products map to 0). */
    Map<UUID, Integer> available(Collection<UUID> productIds);

    /**
     * Available units for each of {@code productIds} as lists show them (absent products map to 0): cached, evicted
     * once a change of the product's stock commits (on another instance: once its {@code StockChanged} arrives
     * through Kafka). For showing stock, never for deciding on it.
     */
    Map<UUID, Integer> availableToShow(Collection<UUID> productIds);

    /** Sets the on-hand quantity of a product (creating its stock record if needed). */
    void setOnHand(UUID productId, int onHand);

    /** Sets on-hand quantities in bulk, for imports: one streaming COPY, not a statement per product. */
    long loadOnHand(Stream<StockLevel> levels);

    /**
     * Holds stock for an unpaid order until {@code expiresAt}, all lines or none: each line is one conditional
     * update ({@code available >= quantity}), so stock can never be oversold or go negative. Must run in the
     * caller's transaction. Throws {@link InsufficientStockException} naming the first short product.
     */
    void reserve(UUID orderId, Map<UUID, Integer> quantities, java.time.Instant expiresAt);

    /**
     * Whether the order's stock is still held: it has reservations, and none of them was committed or released
     * (by payment, cancellation or the expiry sweep). Locks them for the rest of the caller's transaction, so the
     * expiry sweep cannot release them before the caller commits or releases them. Must run in the caller's
     * transaction.
     */
    boolean holdsStock(UUID orderId);

    /** The order was paid: its held units leave the shelf. */
    void commit(UUID orderId);

    /** The order will not be paid: its held units become available again. Does nothing if none are held. */
    void release(UUID orderId, String reason);

    /** A paid order was cancelled or returned: its units go back on the shelf. */
    void restock(UUID orderId, String reason);

    record StockLevel(UUID productId, int onHand) {}
}
