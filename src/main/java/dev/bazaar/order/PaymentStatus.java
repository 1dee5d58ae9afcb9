package dev.bazaar.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an order's payment is, as the order sees it ({@code orders.payment_status}; the payment module keeps the
 * money transactions themselves). Stored and sent in the API by its lower-case {@link #value()}.
 */
public enum PaymentStatus {
    /** Checking out: the charge is not settled yet. */
    PENDING,
    /** Money taken. */
    PAID,
    /** Cash on delivery: to be collected when the order is delivered. */
    DUE,
    /** The charge was declined; nothing taken. */
    FAILED,
    /** The order was cancelled before anything was taken. */
    VOID,
    /** What was taken went back. */
    REFUNDED;

    /**
     * True when the payment may go from here to {@code next}. Money that arrives for a cancelled order (a capture
     * answered after the hold expired, or after a decline was recorded) is refunded, so void and failed lead to
     * refunded.
     */
    public boolean canMoveTo(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case PAID -> next == REFUNDED;
            case DUE -> next == PAID || next == VOID;
            case VOID, FAILED -> next == REFUNDED;
            case REFUNDED -> false;
        };
    }

    /**
     * Throws unless the payment may go from {@code current} to this. A refused move is a defect of the order
     * module (no request can ask for one), so it is an {@link IllegalStateException}, not a refusal.
     */
    public PaymentStatus requireReachableFrom(PaymentStatus current) {
        if (!current.canMoveTo(this)) {
            throw new IllegalStateException(
                    "An order payment that is " + current.value() + " cannot become " + value());
        }
        return this;
    }

    /** The payment once its order is cancelled: what was paid is refunded, what was not yet taken is void. */
    public PaymentStatus whenCancelled() {
        return switch (this) {
            case PAID -> REFUNDED;
            case PENDING, DUE -> VOID;
            case FAILED, VOID, REFUNDED -> this;
        };
    }

    /** The payment once its order is delivered: cash due is collected. */
    public PaymentStatus whenDelivered() {
        return this == DUE ? PAID : this;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a stored or sent value; anything else is a defect (the values are written by this module). */
    @JsonCreator
    public static PaymentStatus fromColumn(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown payment status " + value));
    }

    /** The lower-case value, as pages, messages and logs name the status. */
    @Override
    public String toString() {
        return value();
    }
}
