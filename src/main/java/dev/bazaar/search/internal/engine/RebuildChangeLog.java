package dev.bazaar.search.internal.engine;

import dev.bazaar.catalog.IndexableProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The upserts and deletes made while a full rebuild runs, the latest per product, to be replayed onto the new
 * index before it takes over: they win over the possibly older copies the rebuild's stream produced.
 *
 * <p>Thread-safe. An engine records a change under the lock that orders its writes, so that changes are recorded in
 * the order they were applied, and stops recording under that lock too, so that no write falls between the last
 * replay and the switch to the new index.
 */
public final class RebuildChangeLog {

    /** A product's latest version, or its removal ({@code product} null). */
    public record Change(UUID productId, IndexableProduct product) {

        public boolean isDelete() {
            return product == null;
        }
    }

    private Map<UUID, Change> changes; // null when no rebuild runs; guarded by this

    /** A rebuild starts: record from now on. */
    public synchronized void start() {
        changes = new LinkedHashMap<>();
    }

    /** Records a change if a rebuild runs. An inactive product is recorded as its removal. */
    public synchronized void record(UUID productId, IndexableProduct product) {
        if (changes != null) {
            changes.put(productId, new Change(productId, product == null || !product.active() ? null : product));
        }
    }

    /** The changes so far, forgotten here; recording goes on. */
    public synchronized List<Change> take() {
        List<Change> taken = new ArrayList<>(changes.values());
        changes.clear();
        return taken;
    }

    /** The last changes, and recording stops: the new index takes over, or the rebuild failed. */
    public synchronized List<Change> stop() {
        List<Change> last = changes == null ? List.of() : new ArrayList<>(changes.values());
        changes = null;
        return last;
    }
}
