package dev.bazaar.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bazaar.platform.web.DomainStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The backoff's arithmetic on a clock the test moves. */
class SignInBackoffTest {

    private final MovableClock clock = new MovableClock();
    private final SignInBackoff backoff = new SignInBackoff(
            new SignInBackoffProperties(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24)),
            clock);

    @Test
    void theWaitDoublesFromTheFifthFailureAndStopsAtFifteenMinutes() {
        assertThat(backoff.blockAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.blockAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.blockAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.blockAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.blockAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aBlockEndsAndRefusedAttemptsDoNotLengthenIt() {
        for (int i = 0; i < 5; i++) {
            backoff.attempt("Victim@Example.com", "10.0.0.1");
        }
        // refused again and again while blocked: still 30 s from the fifth failure, not more
        for (int i = 0; i < 100; i++) {
            SignInBackoff.Blocked blocked = catchThrowableOfType(
                    SignInBackoff.Blocked.class, () -> backoff.attempt("victim@example.com", "10.0.0.1"));
            assertThat(blocked.retryAfterSeconds()).isBetween(1L, 30L);
            assertThat(DomainStatus.of(blocked.kind()).value()).isEqualTo(429);
        }
        clock.advance(Duration.ofSeconds(31));
        assertThatCode(() -> backoff.attempt("victim@example.com", "10.0.0.1")).doesNotThrowAnyException();
        // the sixth failure: one minute
        SignInBackoff.Blocked next = catchThrowableOfType(
                SignInBackoff.Blocked.class, () -> backoff.attempt("victim@example.com", "10.0.0.1"));
        assertThat(next.retryAfterSeconds()).isEqualTo(60L);
    }

    @Test
    void anotherAddressAndASuccessAreNotBlocked() {
        for (int i = 0; i < 5; i++) {
            backoff.attempt("victim@example.com", "10.0.0.1");
        }
        assertThatCode(() -> backoff.attempt("victim@example.com", "192.0.2.7")).doesNotThrowAnyException();
        backoff.succeeded("victim@example.com", "192.0.2.7");

        clock.advance(Duration.ofSeconds(31));
        backoff.attempt("victim@example.com", "10.0.0.1");
        backoff.succeeded("victim@example.com", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThatCode(() -> backoff.attempt("victim@example.com", "10.0.0.1"))
                    .as("a success starts the count again")
                    .doesNotThrowAnyException();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
