package dev.bazaar.order.internal;

import dev.bazaar.platform.web.ApiResponse;
import dev.bazaar.platform.web.DomainStatus;
import dev.bazaar.platform.web.ErrorResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A {@link CheckoutOutcome} as {@code POST /api/v1/orders} answers it: the status and the API envelope. */
final class CheckoutAnswer {

    static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    static final String PAYMENT_UNAVAILABLE = "PAYMENT_UNAVAILABLE";

    private CheckoutAnswer() {}

    static HttpStatus status(CheckoutOutcome outcome) {
        return switch (outcome) {
            case CheckoutOutcome.Placed placed -> HttpStatus.CREATED;
            case CheckoutOutcome.Declined declined -> HttpStatus.PAYMENT_REQUIRED;
            case CheckoutOutcome.PaymentUnavailable unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
            case CheckoutOutcome.Rejected rejected -> DomainStatus.of(rejected.kind());
        };
    }

    static Object body(CheckoutOutcome outcome) {
        return switch (outcome) {
            case CheckoutOutcome.Placed placed -> ApiResponse.of(placed.order());
            case CheckoutOutcome.Declined declined ->
                ErrorResponse.of(PAYMENT_DECLINED, declinedMessage(declined), List.of(), null);
            case CheckoutOutcome.PaymentUnavailable unavailable ->
                ErrorResponse.of(PAYMENT_UNAVAILABLE, UNAVAILABLE_MESSAGE, List.of(), null);
            case CheckoutOutcome.Rejected rejected ->
                ErrorResponse.of(rejected.code(), rejected.message(), rejected.details(), null);
        };
    }

    static ResponseEntity<Object> of(CheckoutOutcome outcome) {
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(status(outcome)).contentType(MediaType.APPLICATION_JSON);
        if (outcome instanceof CheckoutOutcome.PaymentUnavailable) {
            // the payment gateway is not answering (or its breaker is open): retry with the same key
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(body(outcome));
    }

    static String declinedMessage(CheckoutOutcome.Declined declined) {
        return "The payment was declined: " + declined.reason();
    }

    static final String UNAVAILABLE_MESSAGE =
            "The payment service is not answering; nothing was charged twice. Retry with the same Idempotency-Key";
}
