package dev.bazaar.review;

import java.time.Instant;
import java.util.UUID;

/** A user reviewed a product for the first time. Published in the transaction that stored the review. */
public record ReviewSubmitted(UUID reviewId, UUID userId, UUID productId, int rating, Instant submittedAt) {}
