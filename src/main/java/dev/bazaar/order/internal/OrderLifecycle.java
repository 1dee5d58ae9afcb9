package dev.bazaar.order.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.inventory.ReservationExpired;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.order.OrderViews;
import dev.bazaar.order.PaymentStatus;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order's life after placement: pending → confirmed → shipped (with a tracking number) → delivered, or
 * cancelled before it ships ({@link OrderStatus}). Any other move is refused (409 ILLEGAL_TRANSITION). Cancelling a paid order refunds it in full and
 * puts its units back on the shelf; cancelling an unpaid one releases its hold.
 */
@Service
class OrderLifecycle {

    private final OrderStore orders;
    private final OrderQueries queries;
    private final Inventory inventory;
    private final Payments payments;
    private final Carts carts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    OrderLifecycle(
            OrderStore orders,
            OrderQueries queries,
            Inventory inventory,
            Payments payments,
            Carts carts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.orders = orders;
        this.queries = queries;
        this.inventory = inventory;
        this.payments = payments;
        this.carts = carts;
        this.events = events;
        this.transactions = transactions;
    }

    /** A customer cancels their own order (another's answers 404). */
    OrderViews.OrderDetails cancelByCustomer(UUID userId, UUID orderId) {
        OrderStore.OrderRow order = orders.find(orderId)
                .filter(row -> row.userId().equals(userId))
                .orElseThrow(() -> DomainException.notFound("Order"));
        return cancel(order.id(), "Cancelled by the customer");
    }

    OrderViews.OrderDetails cancel(UUID orderId, String note) {
        transactions.executeWithoutResult(tx -> {
            OrderStore.OrderState state = orders.lock(orderId).orElseThrow(() -> DomainException.notFound("Order"));
            OrderStatus.CANCELLED.requireReachableFrom(state.status());
            if (state.status() == OrderStatus.PENDING) {
                inventory.release(orderId, "order cancelled");
            } else {
                inventory.restock(orderId, "order cancelled");
            }
            if (state.paymentStatus() == PaymentStatus.PAID) {
                BigDecimal charged = payments.netCharged(orderId);
                if (charged.signum() > 0) {
                    payments.refund(new Payments.Refund(orderId, "cancel:" + orderId, charged, note));
                }
            }
            orders.update(state, OrderStatus.CANCELLED, state.paymentStatus().whenCancelled(), null, null);
            orders.addHistory(orderId, OrderStatus.CANCELLED, note);
            carts.releaseCoupon(orderId);
            events.publishEvent(new OrderStatusChanged(
                    orderId, state.userId(), state.status(), OrderStatus.CANCELLED, Instant.now()));
        });
        return queries.details(orderId);
    }

    /** Admins move orders along; shipping needs a tracking number. */
    OrderViews.OrderDetails move(UUID orderId, OrderStatus status, String trackingNumber) {
        if (status == OrderStatus.CANCELLED) {
            return cancel(orderId, "Cancelled by the store");
        }
        if (status == OrderStatus.SHIPPED && (trackingNumber == null || trackingNumber.isBlank())) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Shipping needs a trackingNumber", null);
        }
        transactions.executeWithoutResult(tx -> {
            OrderStore.OrderState state = orders.lock(orderId).orElseThrow(() -> DomainException.notFound("Order"));
            status.requireReachableFrom(state.status());
            if (state.status() == OrderStatus.PENDING) {
                // the store confirms an unpaid order: its held units leave the shelf now, as at a paid checkout,
                // so that the hold's expiry cannot put them back on sale under a confirmed order
                inventory.commit(orderId);
            }
            PaymentStatus paymentStatus =
                    status == OrderStatus.DELIVERED ? state.paymentStatus().whenDelivered() : state.paymentStatus();
            orders.update(state, status, paymentStatus, null, trackingNumber);
            orders.addHistory(
                    orderId,
                    status,
                    status == OrderStatus.SHIPPED ? "Shipped, tracking number " + trackingNumber : null);
            events.publishEvent(new OrderStatusChanged(orderId, state.userId(), state.status(), status, Instant.now()));
        });
        return queries.details(orderId);
    }

    /**
     * The stock hold of a pending order ran out: the order cannot be completed any more. If money was taken
     * anyway (the checkout was interrupted after the charge and never resumed), it is refunded, so no charge
     * outlives its order.
     */
    @ApplicationModuleListener
    void on(ReservationExpired expired) {
        transactions.executeWithoutResult(tx -> orders.lock(expired.orderId())
                .filter(state -> state.status() == OrderStatus.PENDING)
                .ifPresent(state -> {
                    BigDecimal charged = payments.netCharged(state.id());
                    PaymentStatus paymentStatus = PaymentStatus.VOID;
                    String note = "Not paid in time; stock released";
                    if (charged.signum() > 0) {
                        payments.refund(new Payments.Refund(
                                state.id(), "expired:" + state.id(), charged, "checkout interrupted after payment"));
                        paymentStatus = PaymentStatus.REFUNDED;
                        note = "Checkout interrupted after payment; stock released and payment refunded";
                    }
                    orders.update(state, OrderStatus.CANCELLED, paymentStatus, null, null);
                    orders.addHistory(state.id(), OrderStatus.CANCELLED, note);
                    carts.releaseCoupon(state.id());
                    events.publishEvent(new OrderStatusChanged(
                            state.id(), state.userId(), OrderStatus.PENDING, OrderStatus.CANCELLED, Instant.now()));
                }));
    }
}
