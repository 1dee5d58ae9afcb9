package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCatalog;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps stored recommendations fresh. New behaviour of a user marks the user's lists stale ({@link #mark}): they are
 * computed again on the user's next read, not here, so a cart addition or a product view costs no computation. Every
 * {@code bazaar.recommendation.model.refresh-every} the models are trained again (and the frequently-bought-together
 * rules mined again), the cached lists are dropped, and the lists of the most recently active users are computed
 * ahead of their next visit.
 */
@Component
class RecommendationRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecommendationRefresher.class);

    private final RecommendationService service;
    private final ModelTrainer trainer;
    private final FrequentlyBoughtTogether boughtTogether;
    private final PopularProducts popular;
    private final BehaviourStore behaviours;
    private final RecommendationProperties properties;
    private final ProductCatalog catalog;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("recommendation-precompute").factory());
    private final Clock clock = Clock.systemUTC();
    private volatile boolean started;

    RecommendationRefresher(
            RecommendationService service,
            ModelTrainer trainer,
            FrequentlyBoughtTogether boughtTogether,
            PopularProducts popular,
            BehaviourStore behaviours,
            RecommendationProperties properties,
            ProductCatalog catalog) {
        this.catalog = catalog;
        this.service = service;
        this.trainer = trainer;
        this.boughtTogether = boughtTogether;
        this.popular = popular;
        this.behaviours = behaviours;
        this.properties = properties;
    }

    /** Marks the users' lists stale, in the current transaction (the one that recorded their behaviour). */
    void mark(Collection<UUID> userIds) {
        service.markStale(userIds.stream().filter(Objects::nonNull).distinct().toList());
    }

    void mark(UUID userId) {
        if (userId != null) {
            mark(List.of(userId));
        }
    }

    @Scheduled(
            fixedDelayString = "${bazaar.recommendation.model.refresh-every:10m}",
            initialDelayString = "${bazaar.recommendation.model.first-training-after:5s}")
    void scheduledTraining() {
        if (!started) {
            return; // the first start's imports (ApplicationRunners) are still loading behaviour
        }
        retrain();
        precomputeActiveUsers();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        started = true;
    }

    /** Trains now; the active users' lists are computed in the background afterwards. */
    void retrainNow() {
        retrain();
        background.execute(this::precomputeActiveUsers);
    }

    private void retrain() {
        boughtTogether.refresh();
        popular.invalidate();
        trainer.train();
        service.clearCache();
        catalog.relatedProductsChanged(); // product details show the similar products just cleared
    }

    private void precomputeActiveUsers() {
        long started = System.nanoTime();
        List<UUID> users = behaviours.activeUsers(
                clock.instant().minus(properties.model().window()),
                properties.serving().precomputeUsers());
        for (UUID user : users) {
            try {
                service.precompute(user, RecommendationType.PERSONALIZED);
            } catch (RuntimeException e) {
                log.warn("Could not precompute the recommendations of user {}", user, e);
            }
        }
        log.info(
                "Precomputed personalized recommendations of {} users in {} ms",
                users.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
