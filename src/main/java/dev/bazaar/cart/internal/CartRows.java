package dev.bazaar.cart.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A cart as stored: its lines with the price each had when added. */
record CartRows(UUID id, UUID userId, String couponCode, OffsetDateTime updatedAt, List<Line> lines) {

    record Line(UUID id, UUID productId, int quantity, BigDecimal priceWhenAdded, OffsetDateTime addedAt) {}

    static CartRows empty() {
        return new CartRows(null, null, null, null, List.of());
    }

    boolean exists() {
        return id != null;
    }
}
