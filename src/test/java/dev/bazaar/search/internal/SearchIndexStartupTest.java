package dev.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.search.internal.engine.IndexedProduct;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Issue 15, item 14: the start-up check decides readiness and where searches are answered from. */
class SearchIndexStartupTest {

    private final SearchEngine engine = mock(SearchEngine.class);
    private final ProductCatalog catalog = mock(ProductCatalog.class);
    private final SearchIndexState state = new SearchIndexState();
    private final SearchIndexReadiness readiness = new SearchIndexReadiness(state);
    private final SearchIndexMaintenance maintenance = new SearchIndexMaintenance(
            engine, catalog, mock(ProductSearch.class), state, new SearchProperties(null, false, null));

    @Test
    void notReadyAndNotSearchedWhileTheFirstIndexIsBuilt() throws Exception {
        CountDownLatch indexing = new CountDownLatch(1);
        when(engine.storedCatalogVersion()).thenReturn(null);
        when(catalog.activeCount()).thenReturn(3_794L);
        when(catalog.withAllIndexable(any())).thenAnswer(invocation -> {
            indexing.await();
            return 3_794L;
        });
        assertThat(readiness.health().getStatus()).as("before the check").isEqualTo(Status.OUT_OF_SERVICE);

        maintenance.rebuildIfStale();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(state.indexUnusable()).isTrue();

        indexing.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> readiness.health().getStatus() == Status.UP);
        assertThat(state.indexUnusable()).isFalse();
        assertThat(state.rebuilding()).isFalse();
        maintenance.stopChecking();
    }

    @Test
    void aStaleIndexIsNotSearchedUntilRebuilt() throws Exception {
        CountDownLatch indexing = new CountDownLatch(1);
        when(engine.storedCatalogVersion()).thenReturn("10@2026-01-01T00:00:00Z");
        when(engine.size()).thenReturn(10L);
        when(catalog.activeCount()).thenReturn(12L);
        when(catalog.withAllIndexable(any())).thenAnswer(invocation -> {
            indexing.await();
            return 12L;
        });
        maintenance.rebuildIfStale();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(state.indexUnusable()).isTrue();
        indexing.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !state.indexUnusable());
        maintenance.stopChecking();
    }

    @Test
    void aCompleteIndexIsReadyAtOnce() {
        when(engine.storedCatalogVersion()).thenReturn(IndexedProduct.indexVersion("12@2026-01-01T00:00:00Z"));
        when(engine.size()).thenReturn(12L);
        when(catalog.activeCount()).thenReturn(12L);
        maintenance.rebuildIfStale();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(state.indexUnusable()).isFalse();
        maintenance.stopChecking();
    }

    @Test
    void aCompleteIndexOfAnotherDocumentShapeIsRebuiltBeforeItIsSearched() throws Exception {
        CountDownLatch indexing = new CountDownLatch(1);
        CountDownLatch rebuilt = new CountDownLatch(1);
        // what a build before the shape version stored: complete, but its documents may lack fields searched now
        when(engine.storedCatalogVersion()).thenReturn("12@2026-01-01T00:00:00Z");
        when(engine.size()).thenReturn(12L);
        when(catalog.activeCount()).thenReturn(12L);
        when(catalog.withAllIndexable(any())).thenAnswer(invocation -> {
            indexing.await();
            rebuilt.countDown();
            return 12L;
        });
        maintenance.rebuildIfStale();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(state.indexUnusable()).isTrue();
        indexing.countDown();
        assertThat(rebuilt.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !state.indexUnusable());
        maintenance.stopChecking();
    }

    @Test
    void anEngineThatIsDownDoesNotKeepTheStoreUnready() {
        when(engine.storedCatalogVersion()).thenThrow(new IllegalStateException("connection refused"));
        maintenance.rebuildIfStale();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        maintenance.stopChecking();
    }
}
