package dev.bazaar.catalog;

import java.util.UUID;

/**
 * Reviews as product details show them. The catalog owns this interface and the review module implements it, so
 * the catalog can show reviews without depending on the module that depends on it. Without an implementation,
 * product details show no reviews. Called on every details request (not cached by the catalog), so a new review
 * shows at once.
 */
public interface ProductReviewsView {

    /** The first reviews of a product, newest first, and its star histogram. */
    ReviewsPreview preview(UUID productId);
}
