package dev.bazaar.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.platform.Money;
import dev.bazaar.platform.resilience.BreakerSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which gateway calls are repeated after a timeout, and with which key: a gateway that is slow on demand. */
class GatewayGuardTest {

    private final SlowOnDemandGateway gateway = new SlowOnDemandGateway();
    private final GatewayGuard guard = new GatewayGuard(
            gateway,
            new PaymentProperties(
                    new PaymentProperties.Gateway(Duration.ofMillis(200), 1),
                    new PaymentProperties.TestGateway(Duration.ofSeconds(30)),
                    BreakerSettings.onFailures(50, 10, 10, Duration.ofSeconds(30), 1)));

    @AfterEach
    void stop() {
        guard.destroy();
    }

    @Test
    void aTimedOutCaptureIsSentOnceMoreWithTheSameKey() {
        gateway.slowCalls.set(1);
        PaymentGateway.Result result =
                guard.capture("order-1:capture", "auth_1", Money.of(new BigDecimal("5.00"), "USD"));

        assertThat(result.approved()).isTrue();
        assertThat(gateway.keys).containsExactly("capture order-1:capture", "capture order-1:capture");
    }

    @Test
    void aRefundGivesUpAfterItsRetry() {
        gateway.slowCalls.set(5);
        GatewayUnavailable unavailable = catchThrowableOfType(
                GatewayUnavailable.class,
                () -> guard.refund("refund-1:refund", "ch_1", Money.of(new BigDecimal("5.00"), "USD")));

        assertThat(unavailable.sent()).isTrue();
        assertThat(gateway.keys).containsExactly("refund refund-1:refund", "refund refund-1:refund");
    }

    @Test
    void aTimedOutAuthorizationIsNotRepeatedHere() {
        gateway.slowCalls.set(1);
        GatewayUnavailable unavailable = catchThrowableOfType(
                GatewayUnavailable.class,
                () -> guard.authorize("order-2:authorize", "tok_visa", Money.of(new BigDecimal("5.00"), "USD")));

        assertThat(unavailable.sent()).isTrue();
        assertThat(gateway.keys).containsExactly("authorize order-2:authorize");
    }

    @Test
    void aDeclineIsAnAnswerNotAFailure() {
        gateway.decline = true;
        for (int i = 0; i < 20; i++) {
            assertThat(guard.authorize("order-" + i, "tok_declined", Money.of(BigDecimal.ONE, "USD"))
                            .approved())
                    .isFalse();
        }
        assertThat(guard.state()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    /** Answers late (until interrupted) for its next {@code slowCalls} calls, then at once. */
    static final class SlowOnDemandGateway implements PaymentGateway {

        final AtomicInteger slowCalls = new AtomicInteger();
        final List<String> keys = new CopyOnWriteArrayList<>();
        volatile boolean decline;

        @Override
        public Result authorize(String key, String cardToken, Money amount) {
            return answer("authorize " + key);
        }

        @Override
        public Result capture(String key, String authorizationReference, Money amount) {
            return answer("capture " + key);
        }

        @Override
        public Result refund(String key, String captureReference, Money amount) {
            return answer("refund " + key);
        }

        private Result answer(String call) {
            keys.add(call);
            if (slowCalls.getAndDecrement() > 0) {
                try {
                    Thread.sleep(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return decline ? Result.declined("card_declined") : Result.approved("ref");
        }
    }
}
