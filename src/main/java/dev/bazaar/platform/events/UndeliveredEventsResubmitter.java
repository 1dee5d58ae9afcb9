package dev.bazaar.platform.events;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again the events the broker did not take. A send that fails (broker down, timed out) leaves its
 * publication in the log marked failed; every {@code bazaar.events.resubmit-every} this job resubmits failed
 * Kafka publications, oldest first, at most {@code bazaar.events.resubmit-batch-size} in flight, until the broker
 * acknowledges them. Only publications to Kafka are touched: a failed in-process listener is left as before
 * (republished on restart). Modulith marks a publication resubmitted before sending it, so two instances running
 * this job do not both pick the same one up.
 */
class UndeliveredEventsResubmitter {

    private static final String EXTERNALIZER = DelegatingEventExternalizer.class.getName() + ".";

    private final IncompleteEventPublications publications;
    private final ResubmissionOptions options;

    UndeliveredEventsResubmitter(IncompleteEventPublications publications, int batchSize) {
        this.publications = publications;
        this.options = ResubmissionOptions.defaults()
                .withBatchSize(batchSize)
                .withMaxInFlight(batchSize)
                .withFilter(UndeliveredEventsResubmitter::isKafkaPublication);
    }

    @Scheduled(
            fixedDelayString = "${bazaar.events.resubmit-every:30s}",
            initialDelayString = "${bazaar.events.resubmit-every:30s}")
    void resubmitFailedSends() {
        publications.resubmitIncompletePublications(options);
    }

    static boolean isKafkaPublication(EventPublication publication) {
        return publication instanceof TargetEventPublication target
                && target.getTargetIdentifier().getValue().startsWith(EXTERNALIZER);
    }
}
