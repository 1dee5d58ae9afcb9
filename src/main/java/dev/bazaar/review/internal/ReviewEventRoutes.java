package dev.bazaar.review.internal;

import static dev.bazaar.platform.events.DomainEventTopics.USER_EVENTS;

import dev.bazaar.platform.events.EventRoute;
import dev.bazaar.platform.events.ExternalizedEvents;
import dev.bazaar.review.ReviewChanged;
import dev.bazaar.review.ReviewDeleted;
import dev.bazaar.review.ReviewSubmitted;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reviews are user behaviour, keyed by review. */
@Component
class ReviewEventRoutes implements ExternalizedEvents {

    @Override
    public List<EventRoute<?>> routes() {
        return List.of(
                EventRoute.of(ReviewSubmitted.class, USER_EVENTS, ReviewSubmitted::reviewId),
                EventRoute.of(ReviewChanged.class, USER_EVENTS, ReviewChanged::reviewId),
                EventRoute.of(ReviewDeleted.class, USER_EVENTS, ReviewDeleted::reviewId));
    }
}
