package dev.bazaar.order.internal;

import dev.bazaar.payment.PaymentUnavailableException;
import dev.bazaar.payment.Payments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes checkouts that were interrupted between the charge and the order's confirmation: the process was killed,
 * the database went away for the confirming transaction, the gateway's answer to the capture was lost. Such an order
 * is pending with its stock held while the payment module may hold money for it.
 *
 * <p>At start-up (before the instance reports ready) and every {@code bazaar.order.reconcile-every} (1 minute), it
 * takes the pending orders created more than {@code bazaar.order.reconcile-grace} (2 minutes) ago whose checkout
 * request holds no live lease (nobody is working on them), and asks the payment module how their charge ended
 * ({@link Payments#resumeCharge}, which completes a capture left unanswered). Then, through {@link
 * CheckoutSettlement}, under the order's row lock:
 *
 * <ul>
 *   <li>money taken (or cash due) and the stock still held: the order is <b>completed</b> as the checkout would have
 *       (confirmed and paid, stock committed, cart cleared, {@code OrderPlaced}/{@code OrderPaid} published);
 *   <li>money taken and the stock no longer held: the money is <b>refunded</b> and the order cancelled;
 *   <li>declined: the order is cancelled and its stock released;
 *   <li>no money can have been taken (nothing recorded, or the authorization unanswered): left alone; the shopper
 *       may still retry with the same Idempotency-Key, and the hold's expiry cancels it otherwise;
 *   <li>the gateway does not answer: left alone until the next round.
 * </ul>
 *
 * A shopper retrying with the same key meanwhile gets the same order: whoever locks the order first settles it, and
 * the other finds it settled. Several instances may run this at once for the same reason.
 */
@Component
class InterruptedCheckoutReconciler {

    private static final Logger log = LoggerFactory.getLogger(InterruptedCheckoutReconciler.class);
    private static final int BATCH = 100;

    private final OrderStore orders;
    private final Payments payments;
    private final CheckoutSettlement settlement;
    private final MeterRegistry meters;
    private final Duration grace;

    InterruptedCheckoutReconciler(
            OrderStore orders,
            Payments payments,
            CheckoutSettlement settlement,
            MeterRegistry meters,
            OrderProperties properties) {
        this.orders = orders;
        this.payments = payments;
        this.settlement = settlement;
        this.meters = meters;
        this.grace = properties.reconcileGrace();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        reconcile();
    }

    @Scheduled(
            fixedDelayString = "${bazaar.order.reconcile-every:PT1M}",
            initialDelayString = "${bazaar.order.reconcile-every:PT1M}")
    void periodically() {
        reconcile();
    }

    /** One round; returns how many orders it settled. Never throws: a failed round is repeated by the next. */
    int reconcile() {
        List<UUID> candidates;
        try {
            candidates = orders.idlePendingOrders(grace, BATCH);
        } catch (RuntimeException e) {
            log.warn("Interrupted checkouts not reconciled this round: {}", e.toString());
            return 0;
        }
        int settled = 0;
        for (UUID orderId : candidates) {
            try {
                if (reconcile(orderId)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                log.warn("Order {} not reconciled this round: {}", orderId, e.toString());
            }
        }
        if (settled > 0) {
            log.info("Reconciled {} interrupted checkouts", settled);
        }
        return settled;
    }

    /** Settles one order if its charge took money or was declined; true if this call settled it. */
    boolean reconcile(UUID orderId) {
        Optional<Payments.ChargeOutcome> outcome;
        try {
            // the key Checkout charges with
            outcome = payments.resumeCharge("order:" + orderId);
        } catch (PaymentUnavailableException unavailable) {
            log.info("Order {}: the payment gateway is not answering; reconciled later", orderId);
            return false;
        }
        if (outcome.isEmpty()) {
            return false; // nothing taken: the shopper may retry, or the hold expires
        }
        CheckoutSettlement.Result result = settlement.settle(orderId, outcome.get());
        if (result == CheckoutSettlement.Result.CONFIRMED || result == CheckoutSettlement.Result.CANCELLED) {
            log.warn(
                    "Order {} was interrupted after its charge ({}); reconciled: {}",
                    orderId,
                    outcome.get().status(),
                    result);
            meters.counter("bazaar.checkout.reconciled", "result", result.name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
            return true;
        }
        return false;
    }
}
