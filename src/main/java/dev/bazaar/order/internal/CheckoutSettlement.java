package dev.bazaar.order.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.identity.Customers;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.order.OrderViews.Item;
import dev.bazaar.order.PaymentStatus;
import dev.bazaar.payment.PaymentUnavailableException;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.notification.Notification;
import dev.bazaar.platform.notification.Notifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of a checkout, once the charge has an outcome: settles the pending order in one transaction, under
 * the order row's lock. Used by {@link Checkout} right after the charge, and by {@link
 * InterruptedCheckoutReconciler} for a checkout that was interrupted between the charge and this step. Both may run
 * at once for one order (a shopper retrying while the reconciler works): the lock puts them one after the other, and
 * only the first finds the order pending; the second changes nothing.
 *
 * <ul>
 *   <li>Money taken (or cash due) and the order's stock still held: the order is confirmed, its stock committed,
 *       the cart cleared, {@link OrderPlaced} (and {@link OrderPaid}) published and the customer told.
 *   <li>Money taken but the stock no longer held (the hold expired and was released) or the order already
 *       cancelled: what was taken is refunded; a pending order is cancelled. No charge outlives its order.
 *   <li>Declined: the order is cancelled, its stock released and its coupon given back; the cart stays.
 * </ul>
 */
@Component
class CheckoutSettlement {

    private static final Logger log = LoggerFactory.getLogger(CheckoutSettlement.class);

    private final OrderStore orders;
    private final Carts carts;
    private final Inventory inventory;
    private final Payments payments;
    private final Customers contacts;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    CheckoutSettlement(
            OrderStore orders,
            Carts carts,
            Inventory inventory,
            Payments payments,
            Customers contacts,
            Notifier notifier,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.orders = orders;
        this.carts = carts;
        this.inventory = inventory;
        this.payments = payments;
        this.contacts = contacts;
        this.notifier = notifier;
        this.events = events;
        this.transactions = transactions;
    }

    /** What {@link #settle} did. */
    enum Result {
        /** The order was pending and is now confirmed. */
        CONFIRMED,
        /** The order was pending and is now cancelled (declined, or its hold was gone; money taken refunded). */
        CANCELLED,
        /** The order was no longer pending: settled by someone else first. Money taken for a cancelled one is refunded. */
        ALREADY_SETTLED,
        /** A refund was needed and the payment gateway did not answer: nothing changed; try again later. */
        UNSETTLED
    }

    Result settle(UUID orderId, Payments.ChargeOutcome outcome) {
        try {
            return transactions.execute(tx -> {
                OrderStore.OrderState state = orders.lock(orderId).orElseThrow();
                if (state.status() != OrderStatus.PENDING) {
                    if (state.status() == OrderStatus.CANCELLED
                            && outcome.status() == Payments.ChargeOutcome.Status.CAPTURED) {
                        // cancelled while the charge was on its way (the hold expired, the shopper cancelled)
                        if (refundAll(orderId, "charged after the order was cancelled")
                                && state.paymentStatus() != PaymentStatus.REFUNDED) {
                            orders.update(state, OrderStatus.CANCELLED, PaymentStatus.REFUNDED, null, null);
                        }
                    }
                    return Result.ALREADY_SETTLED;
                }
                if (outcome.status() == Payments.ChargeOutcome.Status.DECLINED) {
                    orders.update(state, OrderStatus.CANCELLED, PaymentStatus.FAILED, null, null);
                    orders.addHistory(orderId, OrderStatus.CANCELLED, "Payment declined: " + outcome.declineReason());
                    inventory.release(orderId, "payment declined");
                    carts.releaseCoupon(orderId);
                    return Result.CANCELLED;
                }
                boolean captured = outcome.status() == Payments.ChargeOutcome.Status.CAPTURED;
                if (!inventory.holdsStock(orderId)) {
                    cancelWithoutStock(state, captured);
                    return Result.CANCELLED;
                }
                confirm(state, outcome, captured);
                return Result.CONFIRMED;
            });
        } catch (PaymentUnavailableException unavailable) {
            log.warn("Order {} could not be settled: the refund did not reach the gateway; will retry", orderId);
            return Result.UNSETTLED;
        }
    }

    private void confirm(OrderStore.OrderState state, Payments.ChargeOutcome outcome, boolean captured) {
        UUID orderId = state.id();
        UUID userId = state.userId();
        OrderStore.OrderRow order = orders.find(orderId).orElseThrow();
        orders.update(
                state,
                OrderStatus.CONFIRMED,
                captured ? PaymentStatus.PAID : PaymentStatus.DUE,
                outcome.reference(),
                null);
        orders.addHistory(orderId, OrderStatus.CONFIRMED, captured ? "Payment received" : "To be paid on delivery");
        inventory.commit(orderId);
        carts.clearAfterCheckout(userId);
        List<Item> items = orders.items(orderId, order.total().currency());
        Instant now = Instant.now();
        events.publishEvent(new OrderPlaced(
                orderId,
                userId,
                items.stream()
                        .map(item -> new OrderPlaced.Line(
                                item.productId(), item.quantity(), item.price().amount()))
                        .toList(),
                order.total(),
                order.paymentMethod(),
                now));
        if (captured) {
            events.publishEvent(new OrderPaid(
                    orderId, userId, items.stream().map(Item::productId).toList(), now));
        }
        contacts.contactOf(userId)
                .ifPresent(contact -> notifier.send(new Notification(
                        userId,
                        contact.email(),
                        "order_confirmation",
                        "Your Bazaar order " + orderId,
                        "Hello " + contact.name() + ",\n\nthank you for your order of " + order.total()
                                + ". We will tell you when it ships.\n")));
    }

    /** Paid (or cash due) too late: the hold is gone, so the order cannot be filled; what was taken goes back. */
    private void cancelWithoutStock(OrderStore.OrderState state, boolean captured) {
        UUID orderId = state.id();
        PaymentStatus paymentStatus = PaymentStatus.VOID;
        String note = "Stock hold ended before the checkout finished; stock released";
        if (captured && refundAll(orderId, "checkout interrupted after payment, stock hold ended")) {
            paymentStatus = PaymentStatus.REFUNDED;
            note = "Stock hold ended before the checkout finished; stock released and payment refunded";
        }
        inventory.release(orderId, "order cancelled");
        orders.update(state, OrderStatus.CANCELLED, paymentStatus, null, null);
        orders.addHistory(orderId, OrderStatus.CANCELLED, note);
        carts.releaseCoupon(orderId);
        events.publishEvent(new OrderStatusChanged(
                orderId, state.userId(), OrderStatus.PENDING, OrderStatus.CANCELLED, Instant.now()));
    }

    /** Refunds what the order was charged and not yet refunded, if anything; true if something was. */
    private boolean refundAll(UUID orderId, String reason) {
        BigDecimal charged = payments.netCharged(orderId);
        if (charged.signum() <= 0) {
            return false;
        }
        payments.refund(new Payments.Refund(orderId, "interrupted:" + orderId, charged, reason));
        return true;
    }
}
