package dev.bazaar.review.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the review endpoints. They list exactly what a client may set: the author, counts, the
 * verified-purchase flag, ids and timestamps are the server's, and unknown fields fail.
 */
final class ReviewRequests {

    private ReviewRequests() {}

    /** A rating of 1 to 5 stars, with an optional plain-text comment (empty or left out: a rating only). */
    record SubmitReview(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = PlainText.MAX_COMMENT_LENGTH) String comment) {}

    /** Fields left out keep their value; an empty comment removes it. */
    record EditReview(
            @Min(1) @Max(5) Integer rating,
            @Size(max = PlainText.MAX_COMMENT_LENGTH) String comment) {}
}
