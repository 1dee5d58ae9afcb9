package dev.bazaar.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.bazaar.IntegrationTest;
import dev.bazaar.payment.Payments.Charge;
import dev.bazaar.payment.Payments.ChargeOutcome;
import dev.bazaar.payment.Payments.Method;
import dev.bazaar.platform.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Timeouts and the circuit breaker in front of the card gateway, with a short timeout and a breaker that opens
 * after a few failures and closes again after a second; its own application context.
 */
@TestPropertySource(
        properties = {
            "bazaar.payment.gateway.timeout=1s",
            "bazaar.payment.test-gateway.slow-delay=30s",
            "bazaar.payment.circuit-breaker.sliding-window-size=4",
            "bazaar.payment.circuit-breaker.minimum-number-of-calls=4",
            "bazaar.payment.circuit-breaker.failure-rate-threshold=50",
            "bazaar.payment.circuit-breaker.open-duration=1s",
            "bazaar.payment.circuit-breaker.half-open-calls=1",
            // a second application context in this JVM: its own search index (one Lucene writer per directory)
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-payment-test"
        })
class PaymentResilienceTest extends IntegrationTest {

    /** Far below the test gateway's 30 s delay, far above the 1 s timeout. */
    private static final Duration GENEROUS_BOUND = Duration.ofSeconds(10);

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGatewayThatAnswersTooLateMakesThePaymentUnavailable() {
        UUID order = UUID.randomUUID();
        String key = "slow-" + UUID.randomUUID();

        long started = System.nanoTime();
        PaymentUnavailableException unavailable = catchThrowableOfType(
                PaymentUnavailableException.class, () -> payments.charge(card(order, key, "tok_timeout")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(unavailable).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(took).isLessThan(GENEROUS_BOUND);
        // the authorization was sent and not answered: recorded as unknown, nothing captured
        assertThat(statuses(order)).containsExactly("authorize unknown");
        assertThat(payments.netCharged(order)).isEqualTo(new BigDecimal("0.00"));

        // repeating with the same key asks again with the same gateway key; still no answer in time
        assertThat(catchThrowableOfType(
                        PaymentUnavailableException.class, () -> payments.charge(card(order, key, "tok_timeout"))))
                .isNotNull();
        assertThat(statuses(order)).containsExactly("authorize unknown");
        assertThat(jdbc.sql("SELECT count(*) FROM test_gateway_operations WHERE idempotency_key = :key")
                        .param("key", key + ":authorize")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void repeatedTimeoutsOpenTheCircuitThenItCloses() {
        // fail until the breaker refuses a call without sending it (4 calls in its window, half of them failed)
        PaymentUnavailableException refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            PaymentUnavailableException failure = catchThrowableOfType(
                    PaymentUnavailableException.class,
                    () -> payments.charge(card(UUID.randomUUID(), "slow-" + UUID.randomUUID(), "tok_timeout")));
            assertThat(failure).isNotNull();
            if (failure.getCause().getCause() instanceof CallNotPermittedException) {
                refused = failure;
            }
        }
        assertThat(refused).as("the circuit opened").isNotNull();

        // while open, even a good card fails at once, and nothing reaches the gateway
        UUID order = UUID.randomUUID();
        String key = "visa-" + UUID.randomUUID();
        long started = System.nanoTime();
        PaymentUnavailableException failFast = catchThrowableOfType(
                PaymentUnavailableException.class, () -> payments.charge(card(order, key, "tok_visa")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failFast).hasRootCauseInstanceOf(CallNotPermittedException.class);
        assertThat(took).isLessThan(GENEROUS_BOUND);
        assertThat(statuses(order)).containsExactly("authorize failed");
        assertThat(jdbc.sql("SELECT count(*) FROM test_gateway_operations WHERE idempotency_key LIKE :prefix")
                        .param("prefix", key + ":%")
                        .query(Integer.class)
                        .single())
                .isZero();

        // after the open duration a trial call goes through, succeeds and closes the circuit; the same key works
        ChargeOutcome outcome = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreException(PaymentUnavailableException.class)
                .until(() -> payments.charge(card(order, key, "tok_visa")), charged -> charged != null);
        assertThat(outcome.status()).isEqualTo(ChargeOutcome.Status.CAPTURED);
        assertThat(statuses(order)).containsExactly("authorize succeeded", "capture succeeded");
        assertThat(payments.charge(card(UUID.randomUUID(), "visa-" + UUID.randomUUID(), "tok_visa"))
                        .status())
                .isEqualTo(ChargeOutcome.Status.CAPTURED);
    }

    private List<String> statuses(UUID order) {
        return jdbc.sql("SELECT operation || ' ' || status FROM payments WHERE order_id = :order "
                        + "ORDER BY created_at, operation")
                .param("order", order)
                .query(String.class)
                .list();
    }

    private static Charge card(UUID order, String key, String token) {
        return new Charge(
                order, UUID.randomUUID(), key, Money.of(new BigDecimal("12.00"), "USD"), Method.CARD, token, null);
    }
}
