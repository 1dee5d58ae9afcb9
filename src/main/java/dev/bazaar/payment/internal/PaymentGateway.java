package dev.bazaar.payment.internal;

import dev.bazaar.platform.Money;

/**
 * The port to a card processor. Every operation carries the processor's idempotency key: sending the same
 * operation again with the same key returns the first answer and moves no money twice, so any call may be
 * repeated after a timeout. A decline is an answer ({@link Result#approved()} false), not an exception; an
 * exception means there was no answer. {@link TestCardGateway} is the sandbox adapter; a real processor is
 * another implementation of this interface.
 */
interface PaymentGateway {

    /** Reserves {@code amount} on the card behind {@code cardToken}; the reference names the authorization. */
    Result authorize(String idempotencyKey, String cardToken, Money amount);

    /** Takes {@code amount} (at most what was authorized) of an authorization. */
    Result capture(String idempotencyKey, String authorizationReference, Money amount);

    /** Returns {@code amount} of a capture to the card (in total at most what was captured). */
    Result refund(String idempotencyKey, String captureReference, Money amount);

    /** The processor's answer: approved with its reference, or declined with a reason such as "card_declined". */
    record Result(boolean approved, String reference, String declineReason) {

        static Result approved(String reference) {
            return new Result(true, reference, null);
        }

        static Result declined(String reason) {
            return new Result(false, null, reason);
        }
    }
}
