package dev.bazaar.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order was placed and its payment settled or arranged (order-events). */
public record OrderPlaced(
        UUID orderId,
        UUID userId,
        List<Line> lines,
        BigDecimal total,
        String currency,
        String paymentMethod,
        Instant at) {

    public record Line(UUID productId, int quantity, BigDecimal price) {}
}
