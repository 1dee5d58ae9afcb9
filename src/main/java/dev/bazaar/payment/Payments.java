package dev.bazaar.payment;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Taking and returning money for orders. Every call is idempotent on its key: repeating a charge or a refund
 * with the same key returns the first outcome and moves no money twice.
 */
public interface Payments {

    /**
     * Authorizes and captures {@code amount} for an order. A declined card or an exhausted gift card is a
     * {@link ChargeOutcome.Status#DECLINED} outcome, not an exception. Throws {@link PaymentUnavailableException}
     * when the gateway times out or its circuit breaker is open: the charge may or may not have happened, and
     * repeating it with the same key is safe. Repeating it with the same key returns the first outcome, a
     * decline included; using the key for a different order, amount, currency or method is refused (an
     * {@code UNPROCESSABLE} {@link dev.bazaar.platform.DomainException} {@code IDEMPOTENCY_KEY_REUSED}, a 422 in the
     * API). Amounts have at most two decimals.
     */
    ChargeOutcome charge(Charge charge);

    /**
     * Refunds part or all of what an order was charged, to the means it was paid with (card or gift card); never
     * more than was captured and not yet refunded (else an {@code UNPROCESSABLE} {@link
     * dev.bazaar.platform.DomainException} {@code REFUND_EXCEEDS_CAPTURED}, a 422 in the API). An order paid cash on delivery has nothing to refund: the outcome refunds 0. Throws {@link
     * PaymentUnavailableException} like {@link #charge}; repeating with the same key is safe.
     */
    RefundOutcome refund(Refund refund);

    /**
     * Finishes a charge whose caller was interrupted (a crash, a timeout) and returns its outcome, without the
     * means of payment: as recorded when it was settled; where the card was authorized but the capture was never
     * answered (or never sent), the capture is sent again with its key, so it completes or is declined and no money
     * moves twice. Empty when no money can have been taken: nothing was recorded under this key, or the
     * authorization itself got no answer (an authorization that is never captured takes no money). Throws {@link
     * PaymentUnavailableException} like {@link #charge}.
     */
    java.util.Optional<ChargeOutcome> resumeCharge(String idempotencyKey);

    /** Total captured (card captures, gift card debits) minus refunded for an order; 0 while cash is due. */
    BigDecimal netCharged(UUID orderId);

    enum Method {
        CARD,
        CASH_ON_DELIVERY,
        GIFT_CARD
    }

    /**
     * {@code cardToken} for CARD (the test gateway knows tok_visa, tok_declined, tok_insufficient_funds,
     * tok_timeout, tok_lost_capture), {@code giftCardCode} for GIFT_CARD.
     */
    record Charge(
            UUID orderId,
            UUID userId,
            String idempotencyKey,
            Money amount,
            Method method,
            String cardToken,
            String giftCardCode) {}

    record ChargeOutcome(Status status, String reference, String declineReason) {

        public enum Status {
            /** Money taken. */
            CAPTURED,
            /** Nothing taken yet, and that is fine: cash on delivery. */
            DUE_ON_DELIVERY,
            /** The customer's means of payment said no; nothing taken. */
            DECLINED
        }
    }

    record Refund(UUID orderId, String idempotencyKey, BigDecimal amount, String reason) {}

    record RefundOutcome(BigDecimal refunded, String reference) {}
}
