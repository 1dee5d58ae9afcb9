package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reconciler and the shopper finish the same interrupted checkout at the same moment (the shopper retrying with
 * the same Idempotency-Key, two instances reconciling): the order row's lock lets one of them settle it, once. One
 * order, confirmed, its stock committed once, {@code OrderPlaced} published once, the money taken once.
 */
class ReconcilerRaceTest extends IntegrationTest {

    @Autowired
    InterruptedCheckoutReconciler reconciler;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReconcilerAndARetryingShopperSettleTheOrderOnce() throws Exception {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "race"), "Race Whistle", "12.00", 20);
        SignedInUser shopper = registerCustomer();
        assertThat(api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 3), shopper.accessToken())
                        .status())
                .isEqualTo(201);
        String key = "race-" + UUID.randomUUID();
        // the capture's answer is lost: 503, the order pending with its stock held, the money taken
        Api.Response interrupted = placeOrder(shopper, key, cardOrder("tok_lost_capture"));
        assertThat(interrupted.status()).as(interrupted.toString()).isEqualTo(503);
        JsonNode pending = api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("orders")
                .get(0);
        UUID orderId = UUID.fromString(pending.path("id").asString());
        assertThat(pending.path("status").asString()).isEqualTo("pending");

        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Object>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Object>> racers = List.of(
                    () -> {
                        start.await();
                        return reconciler.reconcile(orderId);
                    },
                    () -> {
                        start.await();
                        return reconciler.reconcile(orderId);
                    },
                    () -> {
                        start.await();
                        return placeOrder(shopper, key, cardOrder("tok_lost_capture"));
                    },
                    () -> {
                        start.await();
                        return placeOrder(shopper, key, cardOrder("tok_lost_capture"));
                    });
            racers.forEach(racer -> results.add(threads.submit(racer)));
            start.countDown();
            for (Future<Object> result : results) {
                Object answer = result.get();
                if (answer instanceof Api.Response response) {
                    // answered with the order, or told the other request with this key is still at it
                    assertThat(response.status()).as(response.toString()).isIn(201, 409);
                    if (response.status() == 409) {
                        assertThat(response.error().path("code").asString()).isEqualTo("REQUEST_IN_PROGRESS");
                    } else {
                        assertThat(response.data().path("id").asString()).isEqualTo(orderId.toString());
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }

        Api.Response replayed = placeOrder(shopper, key, cardOrder("tok_lost_capture"));
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(201);
        assertThat(replayed.data().path("id").asString()).isEqualTo(orderId.toString());
        assertThat(replayed.data().path("status").asString()).isEqualTo("confirmed");
        assertThat(replayed.data().path("paymentStatus").asString()).isEqualTo("paid");
        assertThat(api.get("/api/v1/orders", shopper.accessToken()).data().path("orders"))
                .hasSize(1);
        assertThat(payments.netCharged(orderId))
                .isEqualByComparingTo(replayed.data().path("total").decimalValue());
        JsonNode stock = api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                .data();
        assertThat(stock.path("onHand").asInt()).isEqualTo(17);
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM order_status_history WHERE order_id = :id AND status = 'confirmed'")
                        .param("id", orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(DISTINCT serialized_event) FROM event_publication "
                                        + "WHERE event_type LIKE '%.OrderPlaced' AND serialized_event::jsonb ->> 'orderId' = :id")
                        .param("id", orderId.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
