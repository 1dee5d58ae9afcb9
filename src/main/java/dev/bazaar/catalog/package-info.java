/**
 * Product catalog: the category tree, products (title, description, price, brand, images, specifications,
 * seller, active flag) and their rating summary. Owns the {@code categories} and {@code products} tables and
 * publishes product change events that search indexing and caches follow. Stock is not stored here: it is read
 * through the {@code inventory} module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package dev.bazaar.catalog;
