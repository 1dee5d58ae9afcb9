package dev.bazaar.search.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.search.internal.engine.IndexedProduct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Full index rebuilds: at start-up when the index is missing, of another document shape or does not match the catalog, after the category
 * tree changes, and on demand. One at a time; searches keep answering from the previous index meanwhile.
 */
@Component
class SearchIndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

    private final SearchEngine engine;
    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final SearchIndexState state;
    private final boolean rebuildOnStart;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("search-rebuild").daemon(true).factory());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requestedAgain = new AtomicBoolean();
    private final AtomicLong indexed = new AtomicLong();
    private volatile long expected;
    private volatile Instant startedAt;
    private volatile RebuildReport lastRebuild;

    SearchIndexMaintenance(
            SearchEngine engine,
            ProductCatalog catalog,
            ProductSearch search,
            SearchIndexState state,
            SearchProperties properties) {
        this.engine = engine;
        this.catalog = catalog;
        this.search = search;
        this.state = state;
        this.rebuildOnStart = properties.rebuildOnStart();
    }

    /** How long to wait before asking an engine that was down at start-up again whether its index is stale. */
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);

    private final ScheduledExecutorService rechecks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("search-index-check").daemon(true).factory());

    /**
     * At start-up: rebuild when asked to, or when the index is missing or does not match the catalog. An engine
     * that cannot answer (a cluster still down) must not stop the store from starting: searches fall back to the
     * database meanwhile, and the check is repeated until the engine answers.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfStale() {
        try {
            checkIndex();
        } catch (RuntimeException e) {
            log.warn("The search engine cannot be checked ({}); checking again in {} s", e, RECHECK_AFTER.toSeconds());
            rechecks.schedule(this::rebuildIfStale, RECHECK_AFTER.toSeconds(), TimeUnit.SECONDS);
        } finally {
            // checked, or the engine is down and searches fall back to the database: either way, no longer unknown
            state.checked();
        }
    }

    @PreDestroy
    void stopChecking() {
        rechecks.shutdownNow();
    }

    private void checkIndex() {
        String stale = staleReason(engine.storedCatalogVersion(), engine.size(), catalog.activeCount());
        if (stale != null) {
            state.incomplete();
            startRebuild(stale);
        } else if (rebuildOnStart) {
            startRebuild("requested at start-up");
        }
    }

    /**
     * Why an index stored under {@code storedVersion} holding {@code indexed} products cannot serve a catalog of
     * {@code active} products, or null when it can. An index of another document shape is stale even when complete:
     * its documents lack what this build searches, sorts or counts by.
     */
    static String staleReason(String storedVersion, long indexed, long active) {
        if (storedVersion == null) {
            return "there is no index yet";
        }
        if (!IndexedProduct.isCurrentShape(storedVersion)) {
            return "the index's documents are of another shape (stored version " + storedVersion
                    + ", this build writes " + IndexedProduct.indexVersion("…") + ")";
        }
        if (indexed != active) {
            return "the index holds " + indexed + " products, the catalog " + active;
        }
        return null;
    }

    /** Starts a rebuild in the background; if one is running, another follows it. Returns false in that case. */
    boolean startRebuild(String reason) {
        if (!running.compareAndSet(false, true)) {
            requestedAgain.set(true);
            return false;
        }
        state.rebuildStarted();
        executor.execute(() -> {
            boolean succeeded = false;
            try {
                rebuild(reason);
                succeeded = true;
            } catch (RuntimeException e) {
                log.error("Search index rebuild failed", e);
            } finally {
                state.rebuildEnded(succeeded);
                running.set(false);
                if (requestedAgain.getAndSet(false)) {
                    startRebuild("requested during the previous rebuild");
                }
            }
        });
        return true;
    }

    /** Rebuilds now, in the calling thread, logging progress and rate. */
    RebuildReport rebuild(String reason) {
        expected = catalog.activeCount();
        indexed.set(0);
        startedAt = Instant.now();
        log.info("Rebuilding the search index ({}): {} products", reason, expected);
        ProgressBarBuilder progressBar = new ProgressBarBuilder()
                .setTaskName("Indexing products")
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(expected)
                .setUnit(" products", 1)
                .showSpeed()
                .setUpdateIntervalMillis(2_000)
                .setConsumer(new DelegatingProgressBarConsumer(log::info));
        long count;
        try (ProgressBar bar = progressBar.build()) {
            count = catalog.withAllIndexable(products -> engine.rebuild(products, version(), done -> {
                indexed.set(done);
                bar.stepTo(done);
            }));
            bar.stepTo(count);
        }
        search.evictResults();
        Duration took = Duration.between(startedAt, Instant.now());
        RebuildReport report = new RebuildReport(count, took.toMillis(), Instant.now());
        lastRebuild = report;
        log.info(
                "Search index rebuilt: {} products in {} s ({} products/s)",
                count,
                took.toSeconds(),
                took.toMillis() == 0 ? count : count * 1000 / took.toMillis());
        return report;
    }

    IndexStatus status() {
        return new IndexStatus(
                engine.size(),
                running.get(),
                running.get() ? indexed.get() : null,
                running.get() ? expected : null,
                lastRebuild);
    }

    private String version() {
        return IndexedProduct.indexVersion(catalog.activeCount() + "@" + Instant.now());
    }

    record RebuildReport(long products, long millis, Instant finishedAt) {}

    record IndexStatus(
            long indexedProducts,
            boolean rebuilding,
            Long rebuildProgress,
            Long rebuildTotal,
            RebuildReport lastRebuild) {}
}
