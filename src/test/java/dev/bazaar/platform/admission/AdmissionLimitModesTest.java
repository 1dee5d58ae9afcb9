package dev.bazaar.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limit each {@code bazaar.admission.mode} builds: {@code latency} shrinks when requests take longer than the
 * target and grows while they are quick and the limit is in use; {@code fixed} never moves.
 */
class AdmissionLimitModesTest {

    @Test
    void theLatencyLimitShrinksWhenRequestsTakeLongerThanTheTarget() throws InterruptedException {
        SimpleLimiter<Void> limiter = limiter(AdmissionProperties.Mode.LATENCY, Duration.ofMillis(1));
        int before = limiter.getLimit();

        Limiter.Listener slow = limiter.acquire(null).orElseThrow();
        Thread.sleep(20);
        slow.onSuccess();

        assertThat(limiter.getLimit()).isLessThan(before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLatencyLimitGrowsWhileRequestsAreQuickAndTheLimitIsInUse() {
        SimpleLimiter<Void> limiter = limiter(AdmissionProperties.Mode.LATENCY, Duration.ofSeconds(10));
        int before = limiter.getLimit();

        List<Limiter.Listener> inFlight = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            inFlight.add(limiter.acquire(null).orElseThrow());
        }
        assertThat(limiter.acquire(null)).as("the limit is reached").isEmpty();
        inFlight.forEach(Limiter.Listener::onSuccess);

        assertThat(limiter.getLimit()).isGreaterThan(before).isLessThanOrEqualTo(50);
    }

    @Test
    void aFixedLimitStaysWhereItIsSet() throws InterruptedException {
        SimpleLimiter<Void> limiter = limiter(AdmissionProperties.Mode.FIXED, Duration.ofMillis(1));

        Limiter.Listener slow = limiter.acquire(null).orElseThrow();
        Thread.sleep(20);
        slow.onSuccess();

        assertThat(limiter.getLimit()).isEqualTo(50);
    }

    private static SimpleLimiter<Void> limiter(AdmissionProperties.Mode mode, Duration latencyTarget) {
        return new AdmissionConfiguration()
                .requestsInFlightLimiter(
                        new AdmissionProperties(true, mode, 10, 2, 50, latencyTarget, Duration.ofSeconds(1)));
    }
}
