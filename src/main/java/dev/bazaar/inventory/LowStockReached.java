package dev.bazaar.inventory;

import java.time.Instant;
import java.util.UUID;

/** A product's available stock fell below the low-stock threshold (inventory-events). */
public record LowStockReached(UUID productId, int available, int threshold, Instant at) {}
