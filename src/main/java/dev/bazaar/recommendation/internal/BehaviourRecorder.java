package dev.bazaar.recommendation.internal;

import dev.bazaar.cart.CartItemAdded;
import dev.bazaar.cart.CartItemRemoved;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.recommendation.ProductViewsRecorded;
import dev.bazaar.review.ReviewSubmitted;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records the behaviour events other modules publish as {@code user_behavior} rows: a {@code purchase} per order
 * line (flagged, no longer counting, when the order is cancelled), an {@code add_to_cart} / {@code remove_from_cart}
 * per signed-in cart change, a {@code review} per first review, a {@code view} per product details view of a known
 * shopper (batched by {@link ViewBuffer}). Each recorded user's recommendations are marked stale in the same transaction,
 * to be computed on their next read. The event
 * publication log delivers at least once, so every row carries a key derived from its event and a redelivered
 * event inserts nothing.
 *
 * <p>Cart changes are the exception to delivery through the log: they are recorded in the cart's own transaction
 * (docs/adr/0011-cart-behaviour-in-the-cart-transaction.md). An addition is the store's most frequent write, and
 * through the log it cost a second transaction (the publication row, its processing and completion updates, two
 * more commits): about half of what an addition costs in all. In the cart's transaction the row commits or rolls
 * back with the change it records, so it is never lost and never recorded for a refused change.
 */
@Component
class BehaviourRecorder {

    private final BehaviourStore behaviours;
    private final RecommendationRefresher refresher;

    BehaviourRecorder(BehaviourStore behaviours, RecommendationRefresher refresher) {
        this.behaviours = behaviours;
        this.refresher = refresher;
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
        refresher.mark(event.userId());
    }

    @EventListener
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
        refresher.mark(event.userId());
    }

    @EventListener
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
        refresher.mark(event.userId());
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
        refresher.mark(event.userId());
    }

    @ApplicationModuleListener
    void on(ProductViewsRecorded event) {
        behaviours.recordViews(event.views());
        refresher.mark(
                event.views().stream().map(ProductViewsRecorded.View::userId).toList());
    }

    /** A cancelled order's purchases stop counting (the refund or restock is the order module's business). */
    @ApplicationModuleListener
    void on(OrderStatusChanged event) {
        if (event.to() == OrderStatus.CANCELLED) {
            behaviours.cancelPurchases(event.orderId()).ifPresent(refresher::mark);
        }
    }

    private static Instant orNow(Instant at) {
        return at != null ? at : Instant.now();
    }
}
