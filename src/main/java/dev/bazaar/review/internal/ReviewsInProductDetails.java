package dev.bazaar.review.internal;

import dev.bazaar.catalog.ProductReviewsView;
import dev.bazaar.catalog.ReviewsPreview;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What product details show of reviews: the newest few, as the review list shows them, and the histogram. */
@Component
class ReviewsInProductDetails implements ProductReviewsView {

    static final int PREVIEW_SIZE = 5;

    private final ReviewStore reviews;
    private final ProductReviews productReviews;

    ReviewsInProductDetails(ReviewStore reviews, ProductReviews productReviews) {
        this.reviews = reviews;
        this.productReviews = productReviews;
    }

    @Override
    public ReviewsPreview preview(UUID productId) {
        return new ReviewsPreview(
                productReviews.views(reviews.page(productId, ReviewSort.NEWEST, PREVIEW_SIZE, 0)),
                reviews.histogram(productId));
    }
}
