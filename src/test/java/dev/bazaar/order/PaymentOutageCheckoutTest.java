package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, "faults": the card gateway turns slow while checkouts keep coming, seen from the orders' side
 * ({@code payment.PaymentResilienceTest} covers the payment module's side). Timeouts open the circuit breaker, after
 * which checkouts are refused at once without reaching the gateway; every refusal is a 503 envelope with
 * Retry-After; every order left pending holds its stock and is either resumed with its key once the breaker closes
 * (paid once) or cancelled (stock released, nothing charged). Its own application context: a short gateway timeout
 * and a breaker that opens after a few failures.
 */
@TestPropertySource(
        properties = {
            "bazaar.payment.gateway.timeout=1s",
            "bazaar.payment.test-gateway.slow-delay=30s",
            "bazaar.payment.circuit-breaker.sliding-window-size=4",
            "bazaar.payment.circuit-breaker.minimum-number-of-calls=4",
            "bazaar.payment.circuit-breaker.failure-rate-threshold=50",
            "bazaar.payment.circuit-breaker.open-duration=5s",
            "bazaar.payment.circuit-breaker.half-open-calls=1",
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-payment-outage-test"
        })
class PaymentOutageCheckoutTest extends IntegrationTest {

    private static final int STOCK = 100;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    @Test
    void aSlowGatewayOpensTheBreakerAndEveryPendingOrderIsResumedOrCancelledCleanly() {
        SignedInUser admin = signInAsAdmin();
        String product = newProduct(admin, newCategory(admin, "gateway-outage"), "Outage Clock", "15.00", STOCK);

        // a stream of checkouts while the gateway answers too late: slow cards, and good cards in between
        Map<SignedInUser, String> slow = new LinkedHashMap<>();
        Map<SignedInUser, String> refused = new LinkedHashMap<>();
        List<SignedInUser> paidAnyway = new ArrayList<>();
        boolean breakerOpened = false;
        for (int i = 0; i < 15 && !breakerOpened; i++) {
            SignedInUser slowShopper = shopperWithCart(product);
            String slowKey = "slow-" + UUID.randomUUID();
            assertUnavailable(placeOrder(slowShopper, slowKey, cardOrder("tok_timeout")));
            slow.put(slowShopper, slowKey);

            SignedInUser goodShopper = shopperWithCart(product);
            String goodKey = "good-" + UUID.randomUUID();
            Api.Response good = placeOrder(goodShopper, goodKey, cardOrder("tok_visa"));
            if (good.status() == 201) {
                paidAnyway.add(goodShopper); // the breaker was still closed (or trying again)
                continue;
            }
            assertUnavailable(good);
            refused.put(goodShopper, goodKey);
            // refused without reaching the gateway: the breaker is open
            breakerOpened = gatewayOperations(onlyOrder(goodShopper).path("id").asString()) == 0;
        }
        assertThat(breakerOpened).as("the circuit breaker opened").isTrue();

        // every checkout that was not answered 201 left a pending order holding its stock, and took no money
        List<SignedInUser> pendingShoppers = new ArrayList<>(slow.keySet());
        pendingShoppers.addAll(refused.keySet());
        for (SignedInUser shopper : pendingShoppers) {
            JsonNode order = onlyOrder(shopper);
            assertThat(order.path("status").asString()).isEqualTo("pending");
            assertThat(payments.netCharged(UUID.fromString(order.path("id").asString())))
                    .isZero();
        }
        assertThat(stock(product).path("reserved").asInt()).isEqualTo(pendingShoppers.size());

        // once the breaker closes, a shopper refused meanwhile retries with the same key: one order, paid once
        for (Map.Entry<SignedInUser, String> retrying : refused.entrySet()) {
            Api.Response placed = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> placeOrder(retrying.getKey(), retrying.getValue(), cardOrder("tok_visa")), answer -> {
                        if (answer.status() != 201) {
                            assertUnavailable(answer);
                        }
                        return answer.status() == 201;
                    });
            assertThat(placed.data().path("status").asString()).isEqualTo("confirmed");
            assertThat(placed.data().path("paymentStatus").asString()).isEqualTo("paid");
            assertThat(payments.netCharged(
                            UUID.fromString(placed.data().path("id").asString())))
                    .isEqualByComparingTo(placed.data().path("total").decimalValue());
            assertThat(onlyOrder(retrying.getKey()).path("id").asString())
                    .isEqualTo(placed.data().path("id").asString());
        }

        // a shopper whose card never answers gives up: the order is cancelled, its stock released, nothing charged
        for (Map.Entry<SignedInUser, String> gaveUp : slow.entrySet()) {
            String orderId = onlyOrder(gaveUp.getKey()).path("id").asString();
            Api.Response cancelled = api.post(
                    "/api/v1/orders/" + orderId + "/cancel",
                    Map.of(),
                    gaveUp.getKey().accessToken());
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.data().path("status").asString()).isEqualTo("cancelled");
            assertThat(payments.netCharged(UUID.fromString(orderId))).isZero();
            Api.Response retried = placeOrder(gaveUp.getKey(), gaveUp.getValue(), cardOrder("tok_timeout"));
            assertThat(retried.status()).as(retried.toString()).isEqualTo(409);
            assertThat(retried.error().path("code").asString()).isEqualTo("ORDER_CANCELLED");
        }

        // the shelf: only the paid orders took units; nothing is held any more
        int paid = paidAnyway.size() + refused.size();
        JsonNode stock = stock(product);
        assertThat(stock.path("onHand").asInt()).isEqualTo(STOCK - paid);
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(stock.path("available").asInt()).isEqualTo(STOCK - paid);
    }

    private SignedInUser shopperWithCart(String product) {
        SignedInUser shopper = registerCustomer();
        Api.Response added =
                api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 1), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return shopper;
    }

    /** A 503 PAYMENT_UNAVAILABLE in the envelope, with Retry-After. */
    private static void assertUnavailable(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().path("success").asBoolean(true)).isFalse();
        assertThat(answer.error().path("code").asString()).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    private JsonNode onlyOrder(SignedInUser shopper) {
        JsonNode orders =
                api.get("/api/v1/orders", shopper.accessToken()).data().path("orders");
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    private JsonNode stock(String product) {
        return api.get("/api/v1/admin/inventory/" + product, signInAsAdmin().accessToken())
                .data();
    }

    /** Operations the test gateway received for an order's charge. */
    private int gatewayOperations(String orderId) {
        return jdbc.sql("SELECT count(*) FROM test_gateway_operations WHERE idempotency_key LIKE :prefix")
                .param("prefix", "order:" + orderId + ":%")
                .query(Integer.class)
                .single();
    }
}
