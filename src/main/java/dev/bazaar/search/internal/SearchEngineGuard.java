package dev.bazaar.search.internal;

import dev.bazaar.platform.resilience.CircuitBreakers;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.SearchEngine.Suggestion;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Searches and suggestions go to the engine through a Resilience4j circuit breaker. A failing call (the cluster
 * unreachable or answering errors, the local index broken) counts against it; once it opens, calls fail at once
 * for a while without reaching the engine, so a dead engine is not hammered and shoppers do not wait for its
 * timeouts. The caller falls back to PostgreSQL on {@link EngineUnavailable}. A refused request (a page beyond the
 * result window) is the caller's fault and neither counts nor falls back.
 */
@Component
class SearchEngineGuard {

    private static final Logger log = LoggerFactory.getLogger(SearchEngineGuard.class);

    private final SearchEngine engine;
    private final CircuitBreaker breaker;

    SearchEngineGuard(SearchEngine engine, SearchProperties settings) {
        this.engine = engine;
        this.breaker = CircuitBreakers.create(
                "search-engine", "Search engine", settings.circuitBreaker(), IllegalArgumentException.class);
    }

    SearchHits search(SearchRequest request, boolean countFacets) {
        return call(() -> engine.search(request, countFacets));
    }

    String correctSpelling(String query) {
        return call(() -> engine.correctSpelling(query));
    }

    List<Suggestion> suggest(String prefix, int limit) {
        return call(() -> engine.suggest(prefix, limit));
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private <T> T call(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new EngineUnavailable("the circuit breaker is open", e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            log.debug("Search engine call failed: {}", e.toString());
            throw new EngineUnavailable("the search engine failed", e);
        }
    }

    /** The engine could not answer; search the database instead. */
    static final class EngineUnavailable extends RuntimeException {
        EngineUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
