package dev.bazaar.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A user edited their review of a product; {@code rating} is the rating it has now. Published in the transaction
 * that stored the change.
 */
public record ReviewChanged(UUID reviewId, UUID userId, UUID productId, int rating, Instant changedAt) {}
