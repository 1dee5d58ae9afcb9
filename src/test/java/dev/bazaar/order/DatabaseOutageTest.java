package dev.bazaar.order;

import static dev.bazaar.StoreFixture.cardOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest.SignedInUser;
import dev.bazaar.StoreInstance;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.db.EmbeddedPostgresServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, "faults": the database stops while checkouts are being placed, and starts again on the same data and
 * port. Every answer meanwhile is the API's envelope (503 with Retry-After), never a page or a hang; readiness goes
 * down and comes back; the connection pool reconnects by itself; and every checkout, retried with its key, ends as
 * one paid order with its stock committed: nothing accepted is lost, nothing charged twice, nothing held for
 * nothing. Its own instance and data directory, since it stops the database.
 */
class DatabaseOutageTest {

    private static final int BEFORE = 3;
    private static final int DURING = 6;

    @Test
    void checkoutsSurviveTheDatabaseStoppingAndStartingAgain() throws Exception {
        try (StoreInstance store = StoreInstance.start(StoreInstance.newDataDirectory("database-outage-"))) {
            Api api = store.api();
            SignedInUser admin = store.signInAsAdmin();
            String product =
                    store.newProduct(admin, store.newCategory(admin, "outage"), "Outage Lantern", "20.00", 100);
            Map<SignedInUser, String> keys = new ConcurrentHashMap<>();
            List<SignedInUser> before = new ArrayList<>();
            List<SignedInUser> during = new ArrayList<>();
            for (int i = 0; i < BEFORE + DURING; i++) {
                SignedInUser shopper = store.registerCustomer();
                store.addToCart(shopper, product, 2);
                keys.put(shopper, "outage-" + UUID.randomUUID());
                (i < BEFORE ? before : during).add(shopper);
            }
            for (SignedInUser shopper : before) {
                Api.Response placed = store.placeOrder(shopper, keys.get(shopper), cardOrder("tok_visa"));
                assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            }

            EmbeddedPostgresServer database = store.bean(EmbeddedPostgresServer.class);
            Map<SignedInUser, Api.Response> firstAnswers = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> inFlight = new ArrayList<>();
                for (SignedInUser shopper : during) {
                    inFlight.add(clients.submit(() -> firstAnswers.put(
                            shopper, store.placeOrder(shopper, keys.get(shopper), cardOrder("tok_visa")))));
                }
                // the database goes away while those checkouts are on their way
                Thread.sleep(150);
                database.stop();
                for (Future<?> request : inFlight) {
                    request.get(); // each came back (the client gives up after 30 s, which fails the test)
                }
            } finally {
                clients.shutdownNow();
            }
            for (Api.Response answer : firstAnswers.values()) {
                assertThat(answer.status()).as(answer.toString()).isIn(201, 503);
                assertCleanEnvelope(answer);
            }

            // while it is down: readiness says so, and requests get the envelope, 503 with Retry-After
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/actuator/health/readiness", null).status() == 503);
            Api.Response orders = api.get("/api/v1/orders", before.getFirst().accessToken());
            assertThat(orders.status()).as(orders.toString()).isEqualTo(503);
            assertThat(orders.error().path("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(orders.header("Retry-After")).isNotBlank();
            assertCleanEnvelope(orders);
            SignedInUser retrying = during.getFirst();
            Api.Response refused = store.placeOrder(retrying, keys.get(retrying), cardOrder("tok_visa"));
            assertThat(refused.status()).as(refused.toString()).isIn(201, 503);
            assertCleanEnvelope(refused);

            database.restart();

            // the instance recovers by itself: ready again, the pool reconnected
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/actuator/health/readiness", null).status() == 200);

            // every shopper retries with the same key until answered: one order each, confirmed and paid
            Payments payments = store.bean(Payments.class);
            for (SignedInUser shopper : during) {
                Api.Response placed = await().atMost(Duration.ofSeconds(180))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> store.placeOrder(shopper, keys.get(shopper), cardOrder("tok_visa")), answer -> {
                            assertCleanEnvelope(answer);
                            assertThat(answer.status()).as(answer.toString()).isIn(201, 409, 503);
                            if (answer.status() == 409) {
                                // the interrupted request's lease has not run out yet
                                assertThat(answer.error().path("code").asString())
                                        .isEqualTo("REQUEST_IN_PROGRESS");
                            }
                            return answer.status() == 201;
                        });
                assertThat(placed.data().path("status").asString()).isEqualTo("confirmed");
            }
            for (SignedInUser shopper : before) {
                // an order answered 201 before the outage is still there, unchanged
                Api.Response replayed = store.placeOrder(shopper, keys.get(shopper), cardOrder("tok_visa"));
                assertThat(replayed.status()).as(replayed.toString()).isEqualTo(201);
            }
            List<SignedInUser> everyone = new ArrayList<>(before);
            everyone.addAll(during);
            for (SignedInUser shopper : everyone) {
                List<JsonNode> theirs = store.orders(shopper);
                assertThat(theirs).hasSize(1);
                JsonNode order =
                        store.order(shopper, theirs.getFirst().path("id").asString());
                assertThat(order.path("status").asString()).isEqualTo("confirmed");
                assertThat(order.path("paymentStatus").asString()).isEqualTo("paid");
                assertThat(payments.netCharged(UUID.fromString(order.path("id").asString())))
                        .isEqualByComparingTo(order.path("total").decimalValue());
            }
            JsonNode stock = store.stock(admin, product);
            assertThat(stock.path("onHand").asInt()).isEqualTo(100 - 2 * everyone.size());
            assertThat(stock.path("reserved").asInt()).isZero();

            JdbcClient jdbc = store.bean(JdbcClient.class);
            // no money taken without an order
            assertThat(jdbc.sql("SELECT count(*) FROM payments p WHERE p.status IN ('succeeded', 'unknown') "
                                    + "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = p.order_id)")
                            .query(Long.class)
                            .single())
                    .isZero();
            // no stock held by an order that is not pending
            assertThat(jdbc.sql("SELECT count(*) FROM inventory_reservations r LEFT JOIN orders o ON o.id = r.order_id "
                                    + "WHERE r.status = 'reserved' AND (o.id IS NULL OR o.status <> 'pending')")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    /** JSON, in the envelope: never an HTML page of the container. */
    private static void assertCleanEnvelope(Api.Response answer) {
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/json");
        JsonNode body = answer.json();
        if (answer.status() >= 400) {
            assertThat(body.path("success").asBoolean(true))
                    .as(answer.toString())
                    .isFalse();
            assertThat(body.path("error").path("code").asString())
                    .as(answer.toString())
                    .isNotBlank();
        }
    }
}
