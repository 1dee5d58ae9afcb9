package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * The order state machine, driven through the real application: random sequences of real actions (an admin's
 * status changes, the shopper's cancellation, an expired stock hold) on real orders (paid by card, cash on
 * delivery, declined, or left pending by a payment gateway that did not answer), on the embedded PostgreSQL and the
 * test card gateway. After every step: the order's recorded history only follows allowed edges and is exactly the
 * moves accepted so far; a refused move answers a clean 409 {@code ILLEGAL_TRANSITION} and changes nothing
 * (status, payment, history, stock, money); delivered and cancelled orders never change; the payment status and
 * the money actually held agree with the status (paid: the total is charged; cancelled after payment: refunded,
 * nothing charged); the order's units are off the shelf exactly while it is not cancelled.
 *
 * <p>A jqwik property, not a JUnit Jupiter test, so Spring's extension does not run: the Spring test context
 * is bound to the instance by a {@link TestContextManager}. Its own context: orders are left pending by a gateway
 * that does not answer in time, and a run of those would open the payment circuit breaker of a shared context
 * (then every card payment answers 503 for a while); here the breaker opens only if every one of 100 calls
 * failed, which these tries never reach. Everything else is the application as configured.
 */
@TestPropertySource(
        properties = {
            "bazaar.payment.circuit-breaker.sliding-window-size=100",
            "bazaar.payment.circuit-breaker.minimum-number-of-calls=100",
            "bazaar.payment.circuit-breaker.failure-rate-threshold=100",
            // a second application context in this JVM: its own search index (one Lucene writer per directory)
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-order-state-machine-test"
        })
class OrderStateMachinePropertiesTest extends IntegrationTest {

    /** The allowed edges, as the documentation gives them. */
    static final Map<String, Set<String>> NEXT = Map.of(
            "pending", Set.of("confirmed", "cancelled"),
            "confirmed", Set.of("shipped", "cancelled"),
            "shipped", Set.of("delivered"),
            "delivered", Set.of(),
            "cancelled", Set.of());

    static final int STOCK = 10;

    enum Start {
        /** tok_visa: confirmed, paid. */
        CARD_PAID,
        /** confirmed, due on delivery. */
        CASH_ON_DELIVERY,
        /** tok_declined: cancelled at once, payment failed. */
        CARD_DECLINED,
        /** tok_timeout: the gateway did not answer in time; pending with its stock held. */
        GATEWAY_SILENT
    }

    enum Action {
        CONFIRM,
        SHIP,
        DELIVER,
        BACK_TO_PENDING,
        STORE_CANCEL,
        SHOPPER_CANCEL,
        HOLD_EXPIRES
    }

    record Scenario(Start start, int quantity, List<Action> actions) {}

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    @Autowired
    org.springframework.context.ApplicationContext context;

    SignedInUser admin;
    String category;
    final AtomicInteger tracking = new AtomicInteger();

    @BeforeProperty
    void bindTheSpringTestContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        connect();
        admin = signInAsAdmin();
        category = newCategory(admin, "lifecycle");
    }

    @Property(tries = 40)
    void noIllegalTransitionIsReachableAndMoneyAndStockFollowTheStatus(@ForAll("scenarios") Scenario scenario) {
        run(scenario);
    }

    /** One sequence that random ones reach only now and then: the store confirms an unpaid order, whose hold then runs out. */
    @Example
    void anUnpaidOrderConfirmedByTheStoreKeepsItsUnitsWhenItsHoldRunsOut() {
        run(new Scenario(
                Start.GATEWAY_SILENT, 2, List.of(Action.CONFIRM, Action.HOLD_EXPIRES, Action.SHIP, Action.DELIVER)));
    }

    private void run(Scenario scenario) {
        String product = newProduct(admin, category, "Lifecycle Lamp", "12.50", STOCK);
        SignedInUser shopper = registerCustomer();
        Api.Response added = api.post(
                "/api/v1/cart/items",
                Map.of("productId", product, "quantity", scenario.quantity()),
                shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        Model model = place(shopper, scenario.start(), scenario.quantity());
        State state = observe(model.orderId, product);
        model.check(state, "after placing " + scenario.start());

        for (Action action : scenario.actions()) {
            String step = "after " + action + " (steps " + scenario.actions() + ", start " + scenario.start() + ")";
            String target = target(action);
            boolean allowed = NEXT.get(model.status).contains(target);
            if (action == Action.HOLD_EXPIRES) {
                expireHold(model.orderId);
                if (model.status.equals("pending")) {
                    model.move("cancelled");
                    await().atMost(Duration.ofSeconds(20))
                            .untilAsserted(() -> assertThat(
                                            observe(model.orderId, product).status())
                                    .isEqualTo("cancelled"));
                }
                // not pending: an expired hold has no order to cancel, and nothing changes
                state = observe(model.orderId, product);
                model.check(state, step);
                continue;
            }
            Api.Response answer = act(action, shopper, model.orderId);
            State after = observe(model.orderId, product);
            if (allowed) {
                assertThat(answer.status()).as(step + ": " + answer).isEqualTo(200);
                model.move(target);
                assertThat(answer.data().path("status").asString()).isEqualTo(target);
                model.check(after, step);
            } else {
                assertThat(answer.status()).as(step + ": " + answer).isEqualTo(409);
                assertThat(answer.error().path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
                assertThat(answer.error().path("message").asString())
                        .contains(model.status)
                        .contains(target);
                assertThat(after).as(step + ": a refused move changes nothing").isEqualTo(state);
                model.check(after, step);
            }
            state = after;
        }
    }

    /** What the order should look like, moved only along the table's edges. */
    final class Model {
        final UUID orderId;
        final int quantity;
        final BigDecimal total;
        String status;
        String paymentStatus;
        final List<String> path = new ArrayList<>();
        boolean paidByCard;

        Model(UUID orderId, int quantity, BigDecimal total, String status, String paymentStatus) {
            this.orderId = orderId;
            this.quantity = quantity;
            this.total = total;
            this.status = status;
            this.paymentStatus = paymentStatus;
            path.add("pending");
            if (!status.equals("pending")) {
                path.add(status);
            }
        }

        void move(String to) {
            assertThat(NEXT.get(status)).as("the model moves only along edges").contains(to);
            if (to.equals("cancelled")) {
                paymentStatus = switch (paymentStatus) {
                    case "paid" -> "refunded";
                    case "pending", "due" -> "void";
                    default -> paymentStatus;
                };
            } else if (to.equals("delivered") && paymentStatus.equals("due")) {
                paymentStatus = "paid";
            }
            status = to;
            path.add(to);
        }

        void check(State state, String step) {
            assertThat(state.status()).as(step + ": status").isEqualTo(status);
            assertThat(state.paymentStatus()).as(step + ": payment status").isEqualTo(paymentStatus);
            assertThat(state.history()).as(step + ": recorded history").containsExactlyElementsOf(path);
            for (int i = 1; i < state.history().size(); i++) {
                String from = state.history().get(i - 1);
                String to = state.history().get(i);
                assertThat(NEXT.get(from))
                        .as(step + ": recorded edge " + from + " → " + to)
                        .contains(to);
            }
            // money: a card order marked paid holds its total; one refunded, voided, failed or paid in cash (at
            // the door, outside the payment module) holds nothing
            BigDecimal expectedCharged = paidByCard && paymentStatus.equals("paid") ? total : BigDecimal.ZERO;
            assertThat(state.netCharged()).as(step + ": money held").isEqualByComparingTo(expectedCharged);
            // stock: the order's units are off the shelf exactly while it is not cancelled
            int expectedAvailable = status.equals("cancelled") ? STOCK : STOCK - quantity;
            assertThat(state.available()).as(step + ": available stock").isEqualTo(expectedAvailable);
        }
    }

    record State(String status, String paymentStatus, List<String> history, BigDecimal netCharged, int available) {}

    private Model place(SignedInUser shopper, Start start, int quantity) {
        Map<String, Object> body = switch (start) {
            case CARD_PAID -> cardOrder("tok_visa");
            case CARD_DECLINED -> cardOrder("tok_declined");
            case GATEWAY_SILENT -> cardOrder("tok_timeout");
            case CASH_ON_DELIVERY -> {
                Map<String, Object> cod = cardOrder(null);
                cod.put("paymentMethod", "CASH_ON_DELIVERY");
                yield cod;
            }
        };
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body);
        int expected = switch (start) {
            case CARD_PAID, CASH_ON_DELIVERY -> 201;
            case CARD_DECLINED -> 402;
            case GATEWAY_SILENT -> 503;
        };
        assertThat(placed.status()).as(placed.toString()).isEqualTo(expected);
        JsonNode order = api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("orders")
                .get(0);
        UUID orderId = UUID.fromString(order.path("id").asString());
        BigDecimal total = order.path("total").decimalValue();
        Model model = switch (start) {
            case CARD_PAID -> new Model(orderId, quantity, total, "confirmed", "paid");
            case CASH_ON_DELIVERY -> new Model(orderId, quantity, total, "confirmed", "due");
            case CARD_DECLINED -> new Model(orderId, quantity, total, "cancelled", "failed");
            case GATEWAY_SILENT -> new Model(orderId, quantity, total, "pending", "pending");
        };
        model.paidByCard = start == Start.CARD_PAID;
        return model;
    }

    private static String target(Action action) {
        return switch (action) {
            case CONFIRM -> "confirmed";
            case SHIP -> "shipped";
            case DELIVER -> "delivered";
            case BACK_TO_PENDING -> "pending";
            case STORE_CANCEL, SHOPPER_CANCEL, HOLD_EXPIRES -> "cancelled";
        };
    }

    private Api.Response act(Action action, SignedInUser shopper, UUID orderId) {
        return switch (action) {
            case SHOPPER_CANCEL -> api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), shopper.accessToken());
            case SHIP ->
                api.put(
                        "/api/v1/admin/orders/" + orderId + "/status",
                        Map.of("status", "shipped", "trackingNumber", "TRK-" + tracking.incrementAndGet()),
                        admin.accessToken());
            default ->
                api.put(
                        "/api/v1/admin/orders/" + orderId + "/status",
                        Map.of("status", target(action)),
                        admin.accessToken());
        };
    }

    /** The hold runs out: its expiry moved into the past, then the scheduled release run once. */
    private void expireHold(UUID orderId) {
        jdbc.sql("UPDATE inventory_reservations SET expires_at = now() - interval '1 minute' WHERE order_id = :id")
                .param("id", orderId)
                .update();
        // the inventory module's scheduled job (package-private there), run now instead of within a minute
        ReflectionTestUtils.invokeMethod(context.getBean("reservationExpiry"), "releaseExpired");
    }

    private State observe(UUID orderId, String product) {
        JsonNode order =
                api.get("/api/v1/admin/orders/" + orderId, admin.accessToken()).data();
        List<String> history = order.path("timeline")
                .valueStream()
                .map(entry -> entry.path("status").asString())
                .toList();
        int available = api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                .data()
                .path("available")
                .asInt();
        return new State(
                order.path("status").asString(),
                order.path("paymentStatus").asString(),
                history,
                payments.netCharged(orderId),
                available);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Start> starts = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Start.CARD_PAID)),
                Tuple.of(3, Arbitraries.just(Start.CASH_ON_DELIVERY)),
                Tuple.of(1, Arbitraries.just(Start.CARD_DECLINED)),
                Tuple.of(2, Arbitraries.just(Start.GATEWAY_SILENT)));
        Arbitrary<List<Action>> actions =
                Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(7);
        return Combinators.combine(starts, Arbitraries.integers().between(1, 3), actions)
                .as(Scenario::new);
    }
}
