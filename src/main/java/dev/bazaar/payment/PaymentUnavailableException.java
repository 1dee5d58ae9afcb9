package dev.bazaar.payment;

/** The payment gateway did not answer in time, or its circuit breaker is open. Safe to retry with the same key. */
public class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
