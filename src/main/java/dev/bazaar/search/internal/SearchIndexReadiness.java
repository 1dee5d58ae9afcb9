package dev.bazaar.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in the readiness group ({@code /actuator/health/readiness}): OUT_OF_SERVICE while the
 * search index is being built at start-up, so a load balancer sends no shopper to an instance whose searches would
 * come from the slower database fallback. An engine that is down does not make the instance unready: searches
 * fall back to PostgreSQL, flagged {@code degraded}.
 */
@Component("searchIndex")
class SearchIndexReadiness implements HealthIndicator {

    private final SearchIndexState state;

    SearchIndexReadiness(SearchIndexState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        if (state.building()) {
            return Health.status(Status.OUT_OF_SERVICE)
                    .withDetail("index", "being built")
                    .build();
        }
        return Health.up()
                .withDetail("index", state.indexUnusable() ? "incomplete" : "ready")
                .withDetail("rebuilding", state.rebuilding())
                .build();
    }
}
