package dev.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails gets its event again on a schedule until its work is done, without a restart; one that
 * keeps failing is given up after the configured attempts and counted. Short intervals; its own application
 * context.
 */
@TestPropertySource(
        properties = {
            "bazaar.events.listener-retry.every=500ms",
            "bazaar.events.listener-retry.min-age=500ms",
            "bazaar.events.listener-retry.max-attempts=4",
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-listener-retry-test"
        })
class FailedListenerRetryTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void aListenerThatFailsTwiceGetsItsEventUntilItSucceeds() {
        UUID id = UUID.randomUUID();
        publish(new FlakyTestListener.FlakyTestEvent(id, 2));

        await().atMost(Duration.ofSeconds(60)).until(() -> FlakyTestListener.done.contains(id));
        assertThat(FlakyTestListener.attempts.get(id).get()).isEqualTo(3);
        assertThat(meters.get("bazaar.events.listener.resubmitted")
                        .functionCounter()
                        .count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get("bazaar.events.listener.failed").functionCounter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aListenerThatAlwaysFailsIsGivenUpAfterItsAttemptsAndCounted() {
        UUID id = UUID.randomUUID();
        publish(new FlakyTestListener.FlakyTestEvent(id, Integer.MAX_VALUE));

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        meters.get("bazaar.events.listener.abandoned").gauge().value() >= 1);
        int attempts = FlakyTestListener.attempts.get(id).get();
        assertThat(attempts).isBetween(4, 5);
        assertThat(FlakyTestListener.done).doesNotContain(id);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }
}
