package dev.bazaar.order.internal;

import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of the tests of checkout's rules that call {@link Checkout} directly, on the test's thread, and read its
 * answer as the API renders it. The catalog and the carts are made over HTTP, as an admin and shoppers would.
 */
abstract class DirectCheckoutTest extends IntegrationTest {

    @Autowired
    Checkout placing;

    final RenderedCheckout checkout = new RenderedCheckout(() -> this.placing, () -> this.json);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "checkout");
    }

    String code(RenderedCheckout.Answer response) {
        return json.readTree(response.body()).path("error").path("code").asString();
    }

    /** The order's status and payment status, as "status paymentStatus". */
    String status(UUID orderId) {
        return jdbc.sql("SELECT status || ' ' || payment_status FROM orders WHERE id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }

    UUID onlyOrderOf(SignedInUser shopper) {
        return jdbc.sql("SELECT id FROM orders WHERE user_id = :user")
                .param("user", shopper.id())
                .query(UUID.class)
                .single();
    }

    int available(String product) {
        return store.stock(admin, product).path("available").asInt();
    }

    static PlaceOrderRequest.ShippingAddress address() {
        return new PlaceOrderRequest.ShippingAddress(
                "Ada Shopper", "1 High Street", null, "London", null, "N1 9GU", "GB", null);
    }

    static PlaceOrderRequest request(Payments.Method method, String cardToken) {
        return new PlaceOrderRequest(address(), null, method, cardToken, null, null, null);
    }

    static PlaceOrderRequest card(String token) {
        return request(Payments.Method.CARD, token);
    }
}
