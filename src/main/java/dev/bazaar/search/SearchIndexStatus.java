package dev.bazaar.search;

import java.time.Instant;

/** How the search index stands, as {@code GET /api/v1/admin/search/index} reports it; read-only. */
public interface SearchIndexStatus {

    Status status();

    /**
     * {@code lastRebuildAt} and {@code lastRebuildProducts} are null until a rebuild ran since start-up; progress
     * fields are null unless a rebuild is running.
     */
    record Status(
            long indexedProducts,
            boolean rebuilding,
            Long rebuildProgress,
            Long rebuildTotal,
            Instant lastRebuildAt,
            Long lastRebuildProducts) {}
}
