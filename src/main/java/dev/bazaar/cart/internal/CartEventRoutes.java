package dev.bazaar.cart.internal;

import static dev.bazaar.platform.events.DomainEventTopics.USER_EVENTS;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import java.util.List;
import org.springframework.stereotype.Component;

/** Cart changes are user behaviour (add to cart, remove from cart), keyed by cart. */
@Component
class CartEventRoutes implements ExternalizedEvents {

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(
                EventRoute.of(CartItemAdded.class, USER_EVENTS, CartItemAdded::cartId),
                EventRoute.of(CartItemRemoved.class, USER_EVENTS, CartItemRemoved::cartId));
    }
}
