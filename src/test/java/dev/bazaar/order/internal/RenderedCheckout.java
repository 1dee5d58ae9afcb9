package dev.bazaar.order.internal;

import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link Checkout} as the API renders its outcomes ({@link CheckoutAnswer}): the tests of checkout's rules read the
 * status and the JSON a client gets, without going through HTTP.
 */
final class RenderedCheckout {

    private final Supplier<Checkout> checkout;
    private final Supplier<ObjectMapper> json;

    /** Suppliers, so that a test can build this before its fields are injected. */
    RenderedCheckout(Supplier<Checkout> checkout, Supplier<ObjectMapper> json) {
        this.checkout = checkout;
        this.json = json;
    }

    Answer place(UUID userId, String key, PlaceOrderRequest request) {
        CheckoutOutcome outcome = checkout.get().place(userId, key, request);
        return new Answer(
                CheckoutAnswer.status(outcome).value(), json.get().writeValueAsString(CheckoutAnswer.body(outcome)));
    }

    /** The status and body {@code POST /orders} answers. */
    record Answer(int status, String body) {}
}
