package dev.bazaar.order;

import static dev.bazaar.StoreFixture.cardOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest.SignedInUser;
import dev.bazaar.StoreInstance;
import dev.bazaar.inventory.Inventory;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, "faults": the process dies between the charge and the order's confirmation. The first instance leaves
 * the state such a crash leaves (an order pending with its stock held while money was taken for it), is stopped,
 * and a second instance starts on the same data: its reconciler finishes every such checkout at start-up, before
 * the instance is ready. Policy: complete the order while its stock is still held, refund the money when it is not.
 */
class InterruptedCheckoutTest {

    @Test
    void aCheckoutInterruptedAfterTheChargeIsCompletedOrRefundedAfterARestart() {
        Path dataDir = StoreInstance.newDataDirectory("interrupted-checkout-");
        SignedInUser admin;
        SignedInUser capturedShopper;
        SignedInUser unansweredShopper;
        SignedInUser lateShopper;
        String capturedProduct;
        String unansweredProduct;
        String lateProduct;
        String capturedKey = "crash-" + UUID.randomUUID();
        String unansweredKey = "crash-" + UUID.randomUUID();
        String lateKey = "crash-" + UUID.randomUUID();
        String captured;
        String unanswered;
        String late;
        BigDecimal capturedTotal;
        BigDecimal unansweredTotal;

        // the first instance never reconciles on its own: its grace period is longer than the test
        try (StoreInstance first = StoreInstance.start(dataDir, "--bazaar.order.reconcile-grace=PT1H")) {
            admin = first.signInAsAdmin();
            String category = first.newCategory(admin, "crash");
            capturedProduct = first.newProduct(admin, category, "Crash Kettle", "30.00", 10);
            unansweredProduct = first.newProduct(admin, category, "Crash Teapot", "25.00", 10);
            lateProduct = first.newProduct(admin, category, "Crash Toaster", "40.00", 10);
            Payments payments = first.bean(Payments.class);

            // 1. the capture was recorded, then the process died before the order was confirmed: the card's first
            // answer to the capture is lost (503), and the charge is then completed through the payment module's
            // facade, as the dead process had done just before it died
            capturedShopper = first.registerCustomer();
            first.addToCart(capturedShopper, capturedProduct, 2);
            captured = interruptedCheckout(first, capturedShopper, capturedKey);
            capturedTotal = first.order(capturedShopper, captured).path("total").decimalValue();
            Payments.ChargeOutcome charged = payments.charge(new Payments.Charge(
                    UUID.fromString(captured),
                    capturedShopper.id(),
                    "order:" + captured,
                    Money.of(capturedTotal, "USD"),
                    Payments.Method.CARD,
                    "tok_lost_capture",
                    null));
            assertThat(charged.status()).isEqualTo(Payments.ChargeOutcome.Status.CAPTURED);
            assertThat(payments.netCharged(UUID.fromString(captured))).isEqualByComparingTo(capturedTotal);

            // 2. the process died while the capture was on its way: the processor took the money, this side
            // never learnt it (the capture is recorded as sent and unanswered)
            unansweredShopper = first.registerCustomer();
            first.addToCart(unansweredShopper, unansweredProduct, 1);
            unanswered = interruptedCheckout(first, unansweredShopper, unansweredKey);
            unansweredTotal =
                    first.order(unansweredShopper, unanswered).path("total").decimalValue();
            assertThat(payments.netCharged(UUID.fromString(unanswered))).isZero();

            // 3. like 1, but the order's stock hold ended before anyone came back to it
            lateShopper = first.registerCustomer();
            first.addToCart(lateShopper, lateProduct, 3);
            late = interruptedCheckout(first, lateShopper, lateKey);
            BigDecimal lateTotal = first.order(lateShopper, late).path("total").decimalValue();
            payments.charge(new Payments.Charge(
                    UUID.fromString(late),
                    lateShopper.id(),
                    "order:" + late,
                    Money.of(lateTotal, "USD"),
                    Payments.Method.CARD,
                    "tok_lost_capture",
                    null));
            first.bean(Inventory.class).release(UUID.fromString(late), "hold ended");

            assertThat(first.stock(admin, capturedProduct).path("reserved").asInt())
                    .isEqualTo(2);
            assertThat(first.stock(admin, unansweredProduct).path("reserved").asInt())
                    .isEqualTo(1);
            assertThat(first.stock(admin, lateProduct).path("available").asInt())
                    .isEqualTo(10);
        }

        try (StoreInstance second = StoreInstance.start(
                dataDir, "--bazaar.order.reconcile-grace=PT0S", "--bazaar.order.reconcile-every=PT1S")) {
            Payments payments = second.bean(Payments.class);
            JdbcClient jdbc = second.bean(JdbcClient.class);

            // 1: completed, as the checkout would have: confirmed and paid, stock committed, cart cleared, published
            JsonNode one = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> second.order(capturedShopper, captured),
                            order -> order.path("status").asString().equals("confirmed"));
            assertThat(one.path("paymentStatus").asString()).isEqualTo("paid");
            JsonNode stock = second.stock(admin, capturedProduct);
            assertThat(stock.path("onHand").asInt()).isEqualTo(8);
            assertThat(stock.path("reserved").asInt()).isZero();
            assertThat(second.api()
                            .get("/api/v1/cart", capturedShopper.accessToken())
                            .data()
                            .path("items"))
                    .isEmpty();
            assertThat(published(jdbc, "OrderPlaced", captured)).isEqualTo(1);
            assertThat(published(jdbc, "OrderPaid", captured)).isEqualTo(1);
            assertThat(payments.netCharged(UUID.fromString(captured))).isEqualByComparingTo(capturedTotal);

            // the shopper retrying with the same key gets the one order, charged once
            Api.Response retried = second.placeOrder(capturedShopper, capturedKey, cardOrder("tok_lost_capture"));
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
            assertThat(retried.data().path("id").asString()).isEqualTo(captured);
            assertThat(second.orders(capturedShopper)).hasSize(1);
            assertThat(payments.netCharged(UUID.fromString(captured))).isEqualByComparingTo(capturedTotal);

            // 2: the reconciler asked the processor again with the capture's key, learnt it was taken, completed it
            JsonNode two = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> second.order(unansweredShopper, unanswered),
                            order -> order.path("status").asString().equals("confirmed"));
            assertThat(two.path("paymentStatus").asString()).isEqualTo("paid");
            assertThat(payments.netCharged(UUID.fromString(unanswered))).isEqualByComparingTo(unansweredTotal);
            assertThat(second.stock(admin, unansweredProduct).path("onHand").asInt())
                    .isEqualTo(9);
            assertThat(published(jdbc, "OrderPlaced", unanswered)).isEqualTo(1);

            // 3: the stock was no longer held: the money went back and the order was cancelled
            JsonNode three = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> second.order(lateShopper, late),
                            order -> order.path("status").asString().equals("cancelled"));
            assertThat(three.path("paymentStatus").asString()).isEqualTo("refunded");
            assertThat(payments.netCharged(UUID.fromString(late))).isZero();
            assertThat(second.stock(admin, lateProduct).path("available").asInt())
                    .isEqualTo(10);
            assertThat(published(jdbc, "OrderPlaced", late)).isZero();
            Api.Response lateRetry = second.placeOrder(lateShopper, lateKey, cardOrder("tok_lost_capture"));
            assertThat(lateRetry.status()).as(lateRetry.toString()).isEqualTo(409);
            assertThat(lateRetry.error().path("code").asString()).isEqualTo("ORDER_CANCELLED");

            // across the store: no money kept for an order that is not confirmed, no stock held by a settled order
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM orders o
                             WHERE o.status <> 'confirmed'
                               AND (SELECT COALESCE(sum(CASE WHEN p.operation IN ('capture', 'debit') THEN p.amount
                                                             ELSE -p.amount END), 0)
                                      FROM payments p WHERE p.order_id = o.id AND p.status = 'succeeded'
                                       AND p.operation IN ('capture', 'debit', 'refund', 'credit')) <> 0
                            """).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM inventory_reservations r JOIN orders o ON o.id = r.order_id
                             WHERE r.status = 'reserved' AND o.status <> 'pending'
                            """).query(Long.class).single()).isZero();
        }
    }

    /** Places an order whose capture's answer is lost: 503, the order stays pending with its stock held. */
    private static String interruptedCheckout(StoreInstance store, SignedInUser shopper, String key) {
        Api.Response placed = store.placeOrder(shopper, key, cardOrder("tok_lost_capture"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(503);
        assertThat(placed.error().path("code").asString()).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(placed.header("Retry-After")).isNotBlank();
        List<JsonNode> orders = store.orders(shopper);
        assertThat(orders).hasSize(1);
        assertThat(orders.getFirst().path("status").asString()).isEqualTo("pending");
        return orders.getFirst().path("id").asString();
    }

    private static long published(JdbcClient jdbc, String event, String orderId) {
        return jdbc.sql("SELECT count(DISTINCT serialized_event) FROM event_publication "
                        + "WHERE event_type LIKE :type AND serialized_event::jsonb ->> 'orderId' = :order")
                .param("type", "%." + event)
                .param("order", orderId)
                .query(Long.class)
                .single();
    }
}
