package dev.bazaar.catalog;

import java.util.UUID;

/**
 * Reviews as product details show them. The catalog owns this interface and the review module implements it, so
 * the catalog can show reviews without depending on the module that depends on it. Without an implementation,
 * product details show no reviews. Called when the catalog assembles a product's details, which it then caches: a
 * change of the reviews shown must reach it through {@link ProductCatalog#refreshRatingSummary} or {@link
 * ProductCatalog#reviewsChanged}.
 */
public interface ProductReviewsView {

    /** The first reviews of a product, newest first, and its star histogram. */
    ReviewsPreview preview(UUID productId);
}
