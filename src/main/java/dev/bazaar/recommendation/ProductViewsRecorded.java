package dev.bazaar.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Product details views by known shoppers, batched (user-events). Views arrive at the rate pages are read, so they
 * are collected in memory and published once a second as one event: one entry in the event publication log per
 * batch rather than per view. Each view keeps its own id, so a redelivered batch counts no view twice.
 */
public record ProductViewsRecorded(UUID batchId, List<View> views) {

    /**
     * @param userId the signed-in viewer, or null for a guest
     * @param guestKey a guest's pseudonym (a hash of their cart token), or null
     */
    public record View(UUID viewId, UUID productId, UUID userId, String guestKey, Instant at) {}
}
