package dev.bazaar.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A checkout whose payment gateway does not answer keeps its stock held; when the hold expires the stock comes
 * back and the order is cancelled. Retrying with the same key before that resumes the same order.
 */
class UnpaidOrderExpiryTest extends IntegrationTest {

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.bazaar.payment.Payments payments;

    @Test
    void aChargeWhoseCheckoutWasNeverFinishedIsRefundedWhenTheHoldExpires() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "lost");
        String product = newProduct(admin, category, "Lost Answer Jug", "9.00", 2);
        SignedInUser shopper = registerCustomer();
        api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 1), shopper.accessToken());
        assertThat(placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_timeout"))
                        .status())
                .isEqualTo(503);
        var order = api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("orders")
                .get(0);
        UUID orderId = UUID.fromString(order.path("id").asString());
        // the gateway's answer was lost but the money was taken: as if a capture went through meanwhile
        var charged = payments.charge(new dev.bazaar.payment.Payments.Charge(
                orderId,
                shopper.id(),
                "lost-answer:" + orderId,
                dev.bazaar.platform.Money.of(
                        order.path("total").decimalValue(),
                        order.path("currency").asString()),
                dev.bazaar.payment.Payments.Method.CARD,
                "tok_visa",
                null));
        assertThat(charged.status()).isEqualTo(dev.bazaar.payment.Payments.ChargeOutcome.Status.CAPTURED);

        jdbc.sql("UPDATE inventory_reservations SET expires_at = now() - interval '1 minute' WHERE order_id = :id")
                .param("id", orderId)
                .update();
        expiry.releaseExpired();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var after =
                    api.get("/api/v1/orders/" + orderId, shopper.accessToken()).data();
            assertThat(after.path("status").asString()).isEqualTo("cancelled");
            assertThat(after.path("paymentStatus").asString()).isEqualTo("refunded");
        });
        assertThat(payments.netCharged(orderId)).isEqualByComparingTo("0");
    }

    @Test
    void aTimedOutPaymentHoldsStockUntilTheHoldExpires() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "hold");
        String product = newProduct(admin, category, "Held Teapot", "12.00", 3);
        SignedInUser shopper = registerCustomer();
        api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 2), shopper.accessToken());

        String key = UUID.randomUUID().toString();
        Api.Response timedOut = placeOrder(shopper, key, cardOrder("tok_timeout"));
        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(503);
        assertThat(timedOut.error().path("code").asString()).isEqualTo("PAYMENT_UNAVAILABLE");

        var order = api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("orders")
                .get(0);
        assertThat(order.path("status").asString()).isEqualTo("pending");
        assertThat(api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                        .data()
                        .path("available")
                        .asInt())
                .isEqualTo(1);

        jdbc.sql("UPDATE inventory_reservations SET expires_at = now() - interval '1 minute' WHERE order_id = :id")
                .param("id", UUID.fromString(order.path("id").asString()))
                .update();
        assertThat(expiry.releaseExpired()).isGreaterThanOrEqualTo(1);

        assertThat(api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                        .data()
                        .path("available")
                        .asInt())
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                api.get("/api/v1/orders/" + order.path("id").asString(), shopper.accessToken())
                                        .data()
                                        .path("status")
                                        .asString())
                        .isEqualTo("cancelled"));
    }
}
