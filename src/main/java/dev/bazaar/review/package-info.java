/**
 * Product reviews and ratings: one review per user and product (a 1–5 star rating and an optional plain-text
 * comment), helpful votes (one per user and review, not on one's own), verified-purchase flags recorded from the
 * order module's {@link dev.bazaar.order.OrderPaid} events, and the exact rating summary the catalog shows, stored
 * through {@link dev.bazaar.catalog.ProductCatalog#refreshRatingSummary}. Shows the first reviews and the star
 * histogram in product details by implementing {@link dev.bazaar.catalog.ProductReviewsView}. Owns the
 * {@code reviews}, {@code review_helpful_votes} and {@code review_purchases} tables and publishes {@link
 * dev.bazaar.review.ReviewSubmitted}, {@link dev.bazaar.review.ReviewChanged} and {@link
 * dev.bazaar.review.ReviewDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package dev.bazaar.review;
