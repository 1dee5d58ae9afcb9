package dev.bazaar.recommendation.internal;

import static dev.bazaar.platform.events.DomainEventTopics.USER_EVENTS;

import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import dev.bazaar.recommendation.ProductViewsRecorded;
import java.util.List;
import org.springframework.stereotype.Component;

/** Product details views, batched once a second, are user behaviour, keyed by batch. */
@Component
class RecommendationEventRoutes implements ExternalizedEvents {

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(EventRoute.of(ProductViewsRecorded.class, USER_EVENTS, ProductViewsRecorded::batchId));
    }
}
