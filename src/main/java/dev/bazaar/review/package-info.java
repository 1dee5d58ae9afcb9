/**
 * Product reviews and ratings: one review per user and product, helpful votes, verified-purchase flags and the
 * exact rating summary the catalog shows. Owns the {@code reviews} table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package dev.bazaar.review;
