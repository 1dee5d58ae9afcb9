package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductViewListener;
import dev.bazaar.catalog.ProductViewed;
import dev.bazaar.recommendation.ProductViewsRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects product views from the details page in a bounded in-memory queue (an offer costs the request nothing
 * measurable), and once a second publishes what was collected as one {@link ProductViewsRecorded} event through the
 * event publication log, from where {@link BehaviourRecorder} stores them. When views arrive faster than they can be
 * stored the queue fills and further views are dropped and counted ({@code bazaar.recommendation.views.dropped}):
 * a view is a signal, not something a shopper submitted, and must never slow a page down. Views still queued when
 * the process dies are lost for the same reason; once published they are durable.
 */
@Component
class ViewBuffer implements ProductViewListener {

    private final BlockingQueue<ProductViewsRecorded.View> queue;
    private final int batchSize;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Counter dropped;

    ViewBuffer(
            RecommendationProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(properties.views().bufferSize());
        this.batchSize = properties.views().batchSize();
        this.events = events;
        this.transactions = transactions;
        this.dropped = Counter.builder("bazaar.recommendation.views.dropped")
                .description("Product views dropped because the view buffer was full")
                .register(meters);
    }

    @Override
    public void viewed(ProductViewed view) {
        boolean queued = queue.offer(new ProductViewsRecorded.View(
                view.viewId(), view.productId(), view.userId(), view.guestKey(), view.at()));
        if (!queued) {
            dropped.increment();
        }
    }

    /** Publishes the queued views, a batch at a time, until the queue is empty. */
    @Scheduled(fixedDelayString = "${bazaar.recommendation.views.flush-every:1s}")
    void flush() {
        List<ProductViewsRecorded.View> batch = new ArrayList<>(batchSize);
        while (queue.drainTo(batch, batchSize) > 0) {
            ProductViewsRecorded event = new ProductViewsRecorded(UUID.randomUUID(), List.copyOf(batch));
            transactions.executeWithoutResult(tx -> events.publishEvent(event));
            batch.clear();
        }
    }
}
