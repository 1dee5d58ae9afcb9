package dev.bazaar.catalog;

import dev.bazaar.platform.Money;
import java.util.List;
import java.util.UUID;

/**
 * The products shown as "related" in product details. The catalog owns this interface and the recommendation module
 * implements it (item-to-item similarity), so the catalog can show them without depending on the module that
 * depends on it. Without an implementation, product details show no related products. Called when the catalog
 * assembles a product's details, which it then caches: when related products are computed again, the implementation
 * tells the catalog through {@link ProductCatalog#relatedProductsChanged}.
 */
public interface RelatedProductsView {

    /**
     * Up to {@code limit} products related to the given one, most related first, never the product itself. The
     * catalog passes what it already read of the product, so that finding products like it (for a product the
     * recommendation model does not know) costs no second read of the same product.
     */
    List<UUID> related(Subject product, int limit);

    /** The product whose related products are asked for, as the catalog has just read it. */
    record Subject(UUID id, String title, String category, String brand, Money price) {}
}
