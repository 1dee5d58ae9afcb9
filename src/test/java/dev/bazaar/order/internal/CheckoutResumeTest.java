package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.platform.security.Sha256;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A checkout's key while its request is in flight, after the payment gateway did not answer, and after the order
 * it created was cancelled or confirmed meanwhile. {@link Checkout} is called directly.
 */
class CheckoutResumeTest extends DirectCheckoutTest {

    @Autowired
    OrderRequestStore requests;

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void aKeyWhoseRequestIsInFlightAnswers409AndOnceLetGoItIsTakenOver() {
        String product = newProduct(admin, category, "Resume Lamp", "10.00", 5);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);
        String key = UUID.randomUUID().toString();
        PlaceOrderRequest request = card("tok_visa");
        // another request with this key and body holds its lease
        assertThat(requests.claim(shopper.id(), key, Sha256.hex(json.writeValueAsString(request))))
                .isTrue();

        RenderedCheckout.Answer busy = checkout.place(shopper.id(), key, request);

        assertThat(busy.status()).isEqualTo(409);
        assertThat(code(busy)).isEqualTo("REQUEST_IN_PROGRESS");
        assertThat(orders(shopper)).isZero();

        // the other request gave up before creating anything: this one takes the key over and places the order
        requests.suspend(shopper.id(), key);
        RenderedCheckout.Answer placed = checkout.place(shopper.id(), key, request);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(orders(shopper)).isEqualTo(1);
    }

    @Test
    void anUnansweredPaymentLeavesTheKeyResumableAndACancelledOrderIsNeverPlaced() {
        String product = newProduct(admin, category, "Resume Jug", "10.00", 5);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 2);
        String key = UUID.randomUUID().toString();

        RenderedCheckout.Answer unanswered = checkout.place(shopper.id(), key, card("tok_timeout"));

        assertThat(unanswered.status()).isEqualTo(503);
        assertThat(code(unanswered)).isEqualTo("PAYMENT_UNAVAILABLE");
        UUID orderId = onlyOrderOf(shopper);
        assertThat(status(orderId)).isEqualTo("pending pending");
        assertThat(available(product)).isEqualTo(3);

        lifecycle.cancelByCustomer(shopper.id(), orderId);
        RenderedCheckout.Answer retried = checkout.place(shopper.id(), key, card("tok_timeout"));

        assertThat(retried.status()).isEqualTo(409);
        JsonNode error = json.readTree(retried.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("ORDER_CANCELLED");
        assertThat(error.path("details").get(0).path("message").asString()).isEqualTo(orderId.toString());
        assertThat(status(orderId)).isEqualTo("cancelled void");
        assertThat(available(product)).isEqualTo(5);
        // that answer is final for the key
        assertThat(checkout.place(shopper.id(), key, card("tok_timeout"))).isEqualTo(retried);
    }

    @Test
    void anUnansweredOrderConfirmedByTheStoreMeanwhileIsAnsweredAsPlaced() {
        String product = newProduct(admin, category, "Resume Cup", "10.00", 5);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);
        String key = UUID.randomUUID().toString();
        assertThat(checkout.place(shopper.id(), key, card("tok_timeout")).status())
                .isEqualTo(503);
        UUID orderId = onlyOrderOf(shopper);

        lifecycle.move(orderId, OrderStatus.CONFIRMED, null);
        RenderedCheckout.Answer retried = checkout.place(shopper.id(), key, card("tok_timeout"));

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(json.readTree(retried.body()).path("data").path("id").asString())
                .isEqualTo(orderId.toString());
        assertThat(json.readTree(retried.body()).path("data").path("status").asString())
                .isEqualTo("confirmed");
        assertThat(available(product)).isEqualTo(4);
    }

    private long orders(SignedInUser shopper) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user")
                .param("user", shopper.id())
                .query(Long.class)
                .single();
    }
}
