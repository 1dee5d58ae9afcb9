package dev.bazaar.recommendation.internal;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.review.ReviewSubmitted;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the behaviour events other modules publish as {@code user_behavior} rows: a {@code purchase} per order
 * line, an {@code add_to_cart} / {@code remove_from_cart} per signed-in cart change, a {@code review} per first review. The event
 * publication log delivers at least once, so every row carries a key derived from its event and a redelivered
 * event inserts nothing.
 */
@Component
class BehaviourRecorder {

    private final Behaviours behaviours;

    BehaviourRecorder(Behaviours behaviours) {
        this.behaviours = behaviours;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        Instant at = orNow(event.at());
        for (OrderPlaced.Line line : event.lines()) {
            behaviours.record(
                    "purchase:" + event.orderId() + ":" + line.productId(),
                    event.userId(),
                    line.productId(),
                    "purchase",
                    "{\"orderId\":\"" + event.orderId() + "\",\"quantity\":" + line.quantity() + "}",
                    at);
        }
    }

    @ApplicationModuleListener
    void on(CartItemAdded event) {
        if (event.userId() == null) {
            return; // guests' carts say nothing about a known user
        }
        Instant at = orNow(event.at());
        behaviours.record(
                "cart:" + event.cartId() + ":" + event.productId() + ":" + at.toEpochMilli(),
                event.userId(),
                event.productId(),
                "add_to_cart",
                "{\"cartId\":\"" + event.cartId() + "\",\"quantity\":" + event.quantity() + "}",
                at);
    }

    @ApplicationModuleListener
    void on(CartItemRemoved event) {
        if (event.userId() == null) {
            return;
        }
        Instant at = orNow(event.at());
        behaviours.record(
                "uncart:" + event.cartId() + ":" + event.productId() + ":" + at.toEpochMilli(),
                event.userId(),
                event.productId(),
                "remove_from_cart",
                "{\"cartId\":\"" + event.cartId() + "\",\"quantity\":" + event.quantity() + "}",
                at);
    }

    @ApplicationModuleListener
    void on(ReviewSubmitted event) {
        behaviours.record(
                "review:" + event.userId() + ":" + event.productId() + ":" + event.rating(),
                event.userId(),
                event.productId(),
                "review",
                "{\"rating\":" + event.rating() + "}",
                orNow(event.submittedAt()));
    }

    private static Instant orNow(Instant at) {
        return at != null ? at : Instant.now();
    }
}
