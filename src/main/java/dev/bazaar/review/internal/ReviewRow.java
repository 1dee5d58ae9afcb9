package dev.bazaar.review.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code reviews}; {@code comment} is null for a rating without text. */
record ReviewRow(
        UUID id,
        UUID userId,
        UUID productId,
        int rating,
        String comment,
        int helpfulCount,
        boolean verifiedPurchase,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
