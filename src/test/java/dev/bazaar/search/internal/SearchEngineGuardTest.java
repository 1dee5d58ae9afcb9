package dev.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.platform.resilience.BreakerSettings;
import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The circuit breaker in front of the search engine: a dead engine is not asked again while it is open. */
class SearchEngineGuardTest {

    private static final SearchRequest ANY =
            new SearchRequest("laptop", null, null, null, null, null, SearchEngine.Sort.RELEVANCE, 1, 20);

    private final DeadOrAliveEngine engine = new DeadOrAliveEngine();
    private final SearchEngineGuard guard = new SearchEngineGuard(
            engine,
            new SearchProperties(null, false, BreakerSettings.onFailures(50, 10, 5, Duration.ofMillis(300), 1)));

    @Test
    void failuresOpenTheBreakerAndThenTheEngineIsNotAskedUntilItMayHaveRecovered() {
        engine.dead = true;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guard.search(ANY, true)).isInstanceOf(SearchEngineGuard.EngineUnavailable.class);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);

        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> guard.search(ANY, true)).isInstanceOf(SearchEngineGuard.EngineUnavailable.class);
            assertThatThrownBy(() -> guard.suggest("lap", 5)).isInstanceOf(SearchEngineGuard.EngineUnavailable.class);
        }
        assertThat(engine.calls).hasValue(5);

        engine.dead = false;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            try {
                guard.search(ANY, true);
                return true;
            } catch (SearchEngineGuard.EngineUnavailable e) {
                return false;
            }
        });
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRefusedRequestNeitherCountsNorFallsBack() {
        engine.refuse = true;
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guard.search(ANY, true)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** An engine that is down (like an unreachable cluster), refuses requests, or answers. */
    private static final class DeadOrAliveEngine implements SearchEngine {
        volatile boolean dead;
        volatile boolean refuse;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public SearchHits search(SearchRequest request, boolean countFacets) {
            calls.incrementAndGet();
            if (refuse) {
                throw new IllegalArgumentException("page * limit must not exceed 10000");
            }
            if (dead) {
                throw new UncheckedIOException(new ConnectException("Connection refused"));
            }
            return new SearchHits(List.of(), 0, Facets.NONE);
        }

        @Override
        public List<Suggestion> suggest(String prefix, int limit) {
            return search(ANY).productIds().stream()
                    .map(id -> new Suggestion("", id, 0))
                    .toList();
        }

        @Override
        public void upsert(IndexableProduct product) {}

        @Override
        public void delete(UUID productId) {}

        @Override
        public long rebuild(Stream<IndexableProduct> products, String catalogVersion, LongConsumer progress) {
            return 0;
        }

        @Override
        public String storedCatalogVersion() {
            return null;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
