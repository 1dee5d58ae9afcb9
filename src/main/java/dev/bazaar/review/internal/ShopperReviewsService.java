package dev.bazaar.review.internal;

import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.CurrentUser;
import dev.bazaar.review.ShopperReviews;
import dev.bazaar.review.internal.ReviewRequests.EditReview;
import dev.bazaar.review.internal.ReviewRequests.SubmitReview;
import dev.bazaar.review.internal.ReviewViews.ReviewView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** {@link ShopperReviews} over {@link ProductReviews}, in the module's public shapes. */
@Service
class ShopperReviewsService implements ShopperReviews {

    private final ProductReviews reviews;
    private final ReviewStore rows;

    ShopperReviewsService(ProductReviews reviews, ReviewStore rows) {
        this.reviews = reviews;
        this.rows = rows;
    }

    @Override
    public ReviewPage list(UUID productId, String sort, int page, int limit) {
        ReviewViews.ReviewPage found = reviews.list(productId, sort, page, limit);
        return new ReviewPage(
                found.reviews().stream().map(ShopperReviewsService::review).toList(), found.pagination());
    }

    @Override
    public Optional<Review> own(UUID userId, UUID productId) {
        return rows.findByAuthor(productId, userId)
                .map(row -> review(reviews.views(List.of(row)).getFirst()));
    }

    @Override
    public Review submit(CurrentUser author, UUID productId, int rating, String comment) {
        requireRating(rating);
        requireComment(comment);
        return review(reviews.submit(author, productId, new SubmitReview(rating, comment)));
    }

    @Override
    public Review edit(CurrentUser author, UUID reviewId, int rating, String comment) {
        requireRating(rating);
        requireComment(comment);
        return review(reviews.edit(author, reviewId, new EditReview(rating, comment == null ? "" : comment)));
    }

    @Override
    public Review markHelpful(CurrentUser voter, UUID reviewId) {
        return review(reviews.markHelpful(voter, reviewId));
    }

    @Override
    public void delete(CurrentUser caller, UUID reviewId) {
        reviews.delete(caller, reviewId);
    }

    private static void requireRating(int rating) {
        if (rating < 1 || rating > 5) {
            throw DomainException.invalidField("rating", "must be between 1 and 5");
        }
    }

    private static void requireComment(String comment) {
        if (comment != null && comment.length() > PlainText.MAX_COMMENT_LENGTH) {
            throw DomainException.invalidField(
                    "comment", "must be at most " + PlainText.MAX_COMMENT_LENGTH + " characters");
        }
    }

    private static Review review(ReviewView view) {
        return new Review(
                view.id(),
                view.productId(),
                view.author().id(),
                view.author().name(),
                view.rating(),
                view.comment(),
                view.helpfulCount(),
                view.verifiedPurchase(),
                view.createdAt(),
                view.updatedAt());
    }
}
