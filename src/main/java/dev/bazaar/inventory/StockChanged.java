package dev.bazaar.inventory;

import java.time.Instant;
import java.util.UUID;

/** A product's stock changed (inventory-events). {@code available} = on hand − reserved. */
public record StockChanged(UUID productId, int onHand, int reserved, int available, String reason, Instant at) {}
