package dev.bazaar.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An order was placed and its payment settled or arranged (order-events). Published as {@code "total": 12.00,
 * "currency": "USD"}, the shape consumers of the topic know; the lines' prices are in that currency too.
 */
public record OrderPlaced(
        UUID orderId,
        UUID userId,
        List<Line> lines,
        @JsonSerialize(using = Money.AmountJson.class) Money total,
        String paymentMethod,
        Instant at) {

    /** Reads the published shape back (the event publication log delivers an event again from its JSON). */
    @JsonCreator
    static OrderPlaced fromJson(
            @JsonProperty("orderId") UUID orderId,
            @JsonProperty("userId") UUID userId,
            @JsonProperty("lines") List<Line> lines,
            @JsonProperty("total") BigDecimal total,
            @JsonProperty("currency") String currency,
            @JsonProperty("paymentMethod") String paymentMethod,
            @JsonProperty("at") Instant at) {
        return new OrderPlaced(orderId, userId, lines, Money.of(total, currency), paymentMethod, at);
    }

    @JsonProperty
    public String currency() {
        return total.currency();
    }

    public record Line(UUID productId, int quantity, BigDecimal price) {}
}
