package dev.bazaar.search.internal;

import dev.bazaar.search.SearchIndexStatus;
import org.springframework.stereotype.Service;

/** {@link SearchIndexStatus} from {@link SearchIndexMaintenance}. */
@Service
class SearchIndexStatusService implements SearchIndexStatus {

    private final SearchIndexMaintenance maintenance;

    SearchIndexStatusService(SearchIndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public Status status() {
        SearchIndexMaintenance.IndexStatus status = maintenance.status();
        SearchIndexMaintenance.RebuildReport last = status.lastRebuild();
        return new Status(
                status.indexedProducts(),
                status.rebuilding(),
                status.rebuildProgress(),
                status.rebuildTotal(),
                last == null ? null : last.finishedAt(),
                last == null ? null : last.products());
    }
}
