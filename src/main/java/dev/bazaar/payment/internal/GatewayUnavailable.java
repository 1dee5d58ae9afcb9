package dev.bazaar.payment.internal;

/**
 * No answer from the gateway. {@link #sent()} tells whether the operation reached it (it timed out or failed,
 * so it may have happened) or was refused before being sent (the circuit breaker is open).
 */
class GatewayUnavailable extends RuntimeException {

    private final boolean sent;

    GatewayUnavailable(String message, boolean sent, Throwable cause) {
        super(message, cause);
        this.sent = sent;
    }

    boolean sent() {
        return sent;
    }
}
