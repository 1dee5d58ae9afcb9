package dev.bazaar.platform.events;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gives failed in-process listeners their events again, so that work a listener could not do (the database
 * pool exhausted under load, a deadlock, a downstream part down) is done once the cause has passed, not only at
 * the next restart. Every {@code bazaar.events.listener-retry.every}, publications older than {@code min-age}
 * that are still incomplete are resubmitted, oldest first, at most {@code batch-size} per run; one that failed
 * {@code max-attempts} times is left for an operator and counted. Sends to Kafka are the other job's ({@link
 * UndeliveredEventsResubmitter}). The counters {@code bazaar.events.listener.resubmitted} and {@code
 * bazaar.events.listener.abandoned} say how much; a run logs only when it changes the number abandoned.
 */
class FailedListenerResubmitter {

    private static final Logger log = LoggerFactory.getLogger(FailedListenerResubmitter.class);

    private final IncompleteEventPublications publications;
    private final ListenerRetryProperties properties;
    private final AtomicLong resubmitted = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    FailedListenerResubmitter(IncompleteEventPublications publications, ListenerRetryProperties properties) {
        this.publications = publications;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${bazaar.events.listener-retry.every:30s}",
            initialDelayString = "${bazaar.events.listener-retry.every:30s}")
    void resubmitFailedListeners() {
        AtomicLong abandonedNow = new AtomicLong();
        publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(properties.minAge())
                .withBatchSize(properties.batchSize())
                .withMaxInFlight(properties.batchSize())
                .withFilter(publication -> {
                    if (UndeliveredEventsResubmitter.isKafkaPublication(publication)) {
                        return false;
                    }
                    if (exhausted(publication)) {
                        abandonedNow.incrementAndGet();
                        return false;
                    }
                    resubmitted.incrementAndGet();
                    return true;
                }));
        long before = abandoned.getAndSet(abandonedNow.get());
        if (before != abandonedNow.get()) {
            log.warn(
                    "{} event publications failed {} times and are no longer retried; see the event publication log",
                    abandonedNow.get(),
                    properties.maxAttempts());
        }
    }

    private boolean exhausted(EventPublication publication) {
        return publication.getCompletionAttempts() >= properties.maxAttempts();
    }

    long resubmitted() {
        return resubmitted.get();
    }

    long abandoned() {
        return abandoned.get();
    }
}
