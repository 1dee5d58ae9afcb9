package dev.bazaar.inventory.internal;

import static dev.bazaar.platform.events.DomainEventTopics.INVENTORY_EVENTS;

import dev.bazaar.inventory.LowStockReached;
import dev.bazaar.inventory.StockChanged;
import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stock changes, keyed by product; {@code ReservationExpired}, a message to the order module, stays inside. */
@Component
class InventoryEventRoutes implements ExternalizedEvents {

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(
                EventRoute.of(StockChanged.class, INVENTORY_EVENTS, StockChanged::productId),
                EventRoute.of(LowStockReached.class, INVENTORY_EVENTS, LowStockReached::productId));
    }
}
