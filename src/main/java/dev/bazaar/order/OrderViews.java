package dev.bazaar.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.platform.Money;
import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/** Response bodies of the order endpoints. */
public final class OrderViews {

    private OrderViews() {}

    /**
     * An order as its owner and the admins see it. In JSON the amounts are numbers with the order's {@code currency}
     * beside them, as the design publishes them; an order is also kept as JSON (the answer a repeated
     * Idempotency-Key gets), so it reads that shape back.
     */
    public record OrderDetails(
            UUID id,
            UUID userId,
            OrderStatus status,
            PaymentStatus paymentStatus,
            String paymentMethod,
            List<Item> items,
            @JsonSerialize(using = Money.AmountJson.class) Money subtotal,
            @JsonSerialize(using = Money.AmountJson.class) Money discount,
            @JsonSerialize(using = Money.AmountJson.class) Money shipping,
            @JsonSerialize(using = Money.AmountJson.class) Money total,
            Map<String, Object> shippingAddress,
            String trackingNumber,
            List<TimelineEntry> timeline,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        @JsonCreator
        static OrderDetails fromJson(
                @JsonProperty("id") UUID id,
                @JsonProperty("userId") UUID userId,
                @JsonProperty("status") OrderStatus status,
                @JsonProperty("paymentStatus") PaymentStatus paymentStatus,
                @JsonProperty("paymentMethod") String paymentMethod,
                @JsonProperty("items") List<ItemJson> items,
                @JsonProperty("subtotal") BigDecimal subtotal,
                @JsonProperty("discount") BigDecimal discount,
                @JsonProperty("shipping") BigDecimal shipping,
                @JsonProperty("total") BigDecimal total,
                @JsonProperty("currency") String currency,
                @JsonProperty("shippingAddress") Map<String, Object> shippingAddress,
                @JsonProperty("trackingNumber") String trackingNumber,
                @JsonProperty("timeline") List<TimelineEntry> timeline,
                @JsonProperty("createdAt") OffsetDateTime createdAt,
                @JsonProperty("updatedAt") OffsetDateTime updatedAt) {
            return new OrderDetails(
                    id,
                    userId,
                    status,
                    paymentStatus,
                    paymentMethod,
                    items.stream().map(item -> item.in(currency)).toList(),
                    Money.of(subtotal, currency),
                    Money.of(discount, currency),
                    Money.of(shipping, currency),
                    Money.of(total, currency),
                    shippingAddress,
                    trackingNumber,
                    timeline,
                    createdAt,
                    updatedAt);
        }

        /** The order's currency, the API's {@code "currency"} beside the amounts. */
        @JsonProperty
        public String currency() {
            return total.currency();
        }
    }

    /** A line of an order; in JSON its amounts are numbers in the order's currency. */
    public record Item(
            UUID productId,
            String title,
            int quantity,
            @JsonSerialize(using = Money.AmountJson.class) Money price,
            @JsonSerialize(using = Money.AmountJson.class) Money lineTotal) {}

    /** An {@link Item} as its JSON has it: the amounts without their currency, which is the order's. */
    record ItemJson(UUID productId, String title, int quantity, BigDecimal price, BigDecimal lineTotal) {

        Item in(String currency) {
            return new Item(productId, title, quantity, Money.of(price, currency), Money.of(lineTotal, currency));
        }
    }

    public record TimelineEntry(String status, String note, OffsetDateTime at) {}

    public record OrderSummary(
            UUID id,
            OrderStatus status,
            PaymentStatus paymentStatus,
            @JsonSerialize(using = Money.AmountJson.class) Money total,
            int items,
            OffsetDateTime createdAt) {

        /** The order's currency, the API's {@code "currency"} beside {@code "total"}. */
        @JsonProperty
        public String currency() {
            return total.currency();
        }
    }

    public record OrderPage(List<OrderSummary> orders, Pagination pagination) {}
}
