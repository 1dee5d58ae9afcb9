package dev.bazaar.order.internal;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.Pagination;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reading orders: a customer sees only their own (another's id answers 404); admins see all. */
@Service
class OrderQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final OrderStore orders;
    private final ObjectMapper json;

    OrderQueries(OrderStore orders, ObjectMapper json) {
        this.orders = orders;
        this.json = json;
    }

    OrderDetails details(UUID orderId) {
        OrderStore.OrderRow row = orders.find(orderId).orElseThrow(() -> DomainException.notFound("Order"));
        return new OrderDetails(
                row.id(),
                row.userId(),
                row.status(),
                row.paymentStatus(),
                row.paymentMethod(),
                orders.items(orderId, row.total().currency()),
                row.subtotal(),
                row.discount(),
                row.shipping(),
                row.total(),
                json.readValue(row.shippingAddressJson(), JSON_OBJECT),
                row.trackingNumber(),
                orders.timeline(orderId),
                row.createdAt(),
                row.updatedAt());
    }

    OrderDetails detailsFor(UUID userId, UUID orderId) {
        OrderStore.OrderRow row = orders.find(orderId)
                .filter(order -> order.userId().equals(userId))
                .orElseThrow(() -> DomainException.notFound("Order"));
        return details(row.id());
    }

    OrderPage page(UUID userId, OrderStatus status, int page, int limit) {
        Pagination pagination = Pagination.of(page, limit, orders.count(userId, status));
        return new OrderPage(orders.page(userId, status, pagination.offset(), limit), pagination);
    }
}
