package dev.bazaar.order.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import java.util.List;

/**
 * What one checkout request came to. {@link Checkout} returns it, {@link OrderRequestStore} keeps it for the request's
 * idempotency key (a repeated key gets the same one back), and the web layer renders it: {@link CheckoutAnswer} for
 * {@code POST /orders}, {@code ShopperOrders} for the storefront. Stored as JSON tagged with its {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CheckoutOutcome.Placed.class, name = "placed"),
    @JsonSubTypes.Type(value = CheckoutOutcome.Declined.class, name = "declined"),
    @JsonSubTypes.Type(value = CheckoutOutcome.PaymentUnavailable.class, name = "payment_unavailable"),
    @JsonSubTypes.Type(value = CheckoutOutcome.Rejected.class, name = "rejected")
})
sealed interface CheckoutOutcome {

    /**
     * The order exists and its payment is settled: confirmed (paid, or cash due), or already moved on by the time
     * the request was answered. {@code order} is the order as it was then, and stays so when replayed.
     */
    record Placed(OrderDetails order) implements CheckoutOutcome {}

    /** The means of payment said no: the order was cancelled and its stock released; the cart is kept. */
    record Declined(String reason) implements CheckoutOutcome {}

    /**
     * The payment gateway did not answer: the order stays pending with its stock held, and retrying with the same
     * key resumes it. Never stored: the key stays open.
     */
    record PaymentUnavailable() implements CheckoutOutcome {}

    /** Refused by a rule of checkout or of its idempotency key, in the terms of a {@link DomainException}. */
    record Rejected(DomainException.Kind kind, String code, String message, List<ErrorDetail> details)
            implements CheckoutOutcome {

        public Rejected {
            details = details == null ? List.of() : List.copyOf(details);
        }

        static Rejected of(DomainException refusal) {
            return new Rejected(refusal.kind(), refusal.code(), refusal.getMessage(), refusal.details());
        }

        static Rejected invalidField(String field, String message) {
            return of(DomainException.invalidField(field, message));
        }

        static Rejected conflict(String code, String message, List<ErrorDetail> details) {
            return new Rejected(DomainException.Kind.CONFLICT, code, message, details);
        }

        static Rejected unprocessable(String code, String message, List<ErrorDetail> details) {
            return new Rejected(DomainException.Kind.UNPROCESSABLE, code, message, details);
        }
    }
}
