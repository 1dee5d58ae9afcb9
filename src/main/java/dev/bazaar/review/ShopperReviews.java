package dev.bazaar.review;

import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.platform.web.Pagination;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reviews as the storefront shows and takes them: the same rules as the review endpoints (one review per user and
 * product, plain text, helpful once and never on one's own). Comments are the plain text as written; pages escape.
 */
public interface ShopperReviews {

    /** {@code sort}: newest (null), helpful or rating. */
    ReviewPage list(UUID productId, String sort, int page, int limit);

    /** The user's own review of the product, if they wrote one. */
    Optional<Review> own(UUID userId, UUID productId);

    Review submit(CurrentUser author, UUID productId, int rating, String comment);

    Review edit(CurrentUser author, UUID reviewId, int rating, String comment);

    Review markHelpful(CurrentUser voter, UUID reviewId);

    /** The author's own review, or any for an admin. */
    void delete(CurrentUser caller, UUID reviewId);

    record Review(
            UUID id,
            UUID productId,
            UUID authorId,
            String authorName,
            int rating,
            String comment,
            int helpfulCount,
            boolean verifiedPurchase,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record ReviewPage(List<Review> reviews, Pagination pagination) {}
}
