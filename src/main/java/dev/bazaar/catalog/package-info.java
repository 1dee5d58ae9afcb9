/**
 * Product catalog: the category tree, products (title, description, price, brand, images, specifications,
 * seller, active flag) and their rating summary. Owns the {@code categories} and {@code products} tables and
 * publishes product change events that search indexing and caches follow. Stock is not stored here: it is read
 * through the {@code inventory} module's API. The rating summary is computed by the {@code review} module and
 * stored through {@link dev.bazaar.catalog.ProductCatalog#refreshRatingSummary}; product details show reviews
 * through {@link dev.bazaar.catalog.ProductReviewsView}, which the review module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.bazaar.catalog;
