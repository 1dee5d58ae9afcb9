package dev.bazaar.search.internal;

import org.springframework.stereotype.Component;

/**
 * Whether the index can be trusted to hold the catalog. Until the start-up check has run, and from the moment an
 * index is found missing or not matching the catalog until a rebuild completes, it cannot: searches then come from
 * PostgreSQL and are flagged {@code degraded} ({@link ProductSearch}), and readiness is OUT_OF_SERVICE while that
 * first build runs ({@link SearchIndexReadiness}). A rebuild of a complete index (categories changed, an admin's
 * request) leaves the previous index answering, flagged {@code degraded} until the new one is in place.
 */
@Component
class SearchIndexState {

    private volatile boolean checked;
    private volatile boolean incomplete;
    private volatile boolean rebuilding;

    /** The start-up check ran: the index is complete, or a rebuild has been started ({@link #incomplete}). */
    void checked() {
        checked = true;
    }

    /** The index does not hold the catalog (missing, or a different number of products). */
    void incomplete() {
        incomplete = true;
    }

    void rebuildStarted() {
        rebuilding = true;
    }

    /** A rebuild ended; a successful one leaves a complete index. */
    void rebuildEnded(boolean succeeded) {
        rebuilding = false;
        if (succeeded) {
            incomplete = false;
        }
    }

    /** True while searches must not be answered from the index: not checked yet, or known incomplete. */
    boolean indexUnusable() {
        return !checked || incomplete;
    }

    boolean rebuilding() {
        return rebuilding;
    }

    /** Not ready: the start-up check has not run, or the index it found incomplete is still being built. */
    boolean building() {
        return !checked || incomplete && rebuilding;
    }
}
