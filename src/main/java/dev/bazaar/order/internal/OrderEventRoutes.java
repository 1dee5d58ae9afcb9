package dev.bazaar.order.internal;

import static dev.bazaar.platform.events.DomainEventTopics.ORDER_EVENTS;

import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Orders, keyed by order. Purchases are user behaviour too, but they are these {@code OrderPlaced} records, not a
 * second copy in {@code user-events} (one fact, one record).
 */
@Component
class OrderEventRoutes implements ExternalizedEvents {

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(
                EventRoute.of(OrderPlaced.class, ORDER_EVENTS, OrderPlaced::orderId),
                EventRoute.of(OrderPaid.class, ORDER_EVENTS, OrderPaid::orderId),
                EventRoute.of(OrderStatusChanged.class, ORDER_EVENTS, OrderStatusChanged::orderId));
    }
}
