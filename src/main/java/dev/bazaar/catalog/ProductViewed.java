package dev.bazaar.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper viewed a product's details.
 *
 * @param userId the signed-in viewer, or null for a guest
 * @param guestKey for a guest, a stable pseudonym of their cart token (never the token itself); null otherwise
 */
public record ProductViewed(UUID viewId, UUID productId, UUID userId, String guestKey, Instant at) {}
