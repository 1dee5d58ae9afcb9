package dev.bazaar.review.internal;

import dev.bazaar.platform.web.Pagination;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/** Response bodies of the review endpoints; product details show the same review shape. */
final class ReviewViews {

    private ReviewViews() {}

    record ReviewView(
            UUID id,
            UUID productId,
            Author author,
            int rating,
            @JsonSerialize(using = HtmlSafeText.class) String comment,
            int helpfulCount,
            boolean verifiedPurchase,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static ReviewView of(ReviewRow row, String authorName) {
            return new ReviewView(
                    row.id(),
                    row.productId(),
                    new Author(row.userId(), authorName),
                    row.rating(),
                    row.comment(),
                    row.helpfulCount(),
                    row.verifiedPurchase(),
                    row.createdAt(),
                    row.updatedAt());
        }
    }

    /** The author as shown publicly: the id and display name, nothing else. */
    record Author(
            UUID id,
            @JsonSerialize(using = HtmlSafeText.class) String name) {}

    record ReviewPage(List<ReviewView> reviews, Pagination pagination) {}
}
