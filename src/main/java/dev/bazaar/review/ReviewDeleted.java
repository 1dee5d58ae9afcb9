package dev.bazaar.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A review was deleted, by its author or an admin; {@code userId} is its author. Published in the transaction that
 * deleted it.
 */
public record ReviewDeleted(UUID reviewId, UUID userId, UUID productId, Instant deletedAt) {}
