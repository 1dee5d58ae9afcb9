package dev.bazaar.order;

import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the order endpoints. */
public final class OrderViews {

    private OrderViews() {}

    public record OrderDetails(
            UUID id,
            UUID userId,
            String status,
            String paymentStatus,
            String paymentMethod,
            List<Item> items,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal shipping,
            BigDecimal total,
            String currency,
            Map<String, Object> shippingAddress,
            String trackingNumber,
            List<TimelineEntry> timeline,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    public record Item(UUID productId, String title, int quantity, BigDecimal price, BigDecimal lineTotal) {}

    public record TimelineEntry(String status, String note, OffsetDateTime at) {}

    public record OrderSummary(
            UUID id,
            String status,
            String paymentStatus,
            BigDecimal total,
            String currency,
            int items,
            OffsetDateTime createdAt) {}

    public record OrderPage(List<OrderSummary> orders, Pagination pagination) {}
}
