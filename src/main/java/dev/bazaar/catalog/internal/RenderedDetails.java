package dev.bazaar.catalog.internal;

import dev.bazaar.platform.cache.CacheWeight;
import java.util.UUID;

/**
 * A product's details as the API sends them, rendered to JSON once and kept in the {@code product-details-json}
 * cache until something they show changes: a cache hit then costs no serialization, which was a quarter of the
 * time of a cached details request. Carries what the API checks before sending them (an inactive product is only
 * shown to its seller and admins).
 */
record RenderedDetails(boolean active, UUID sellerId, String json) implements CacheWeight {

    /** What the entry holds, roughly in bytes: the cache's budget is in bytes, not entries. */
    @Override
    public int weight() {
        return json.length() + 64;
    }
}
