package dev.bazaar.catalog;

import dev.bazaar.catalog.CatalogViews.CategoryDetails;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.CatalogViews.ProductPage;
import dev.bazaar.platform.security.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Browsing the catalog as the storefront does: the same answers, caches and rules as {@code GET /products} and
 * {@code GET /categories}. Bad filters fail with the same {@link dev.bazaar.platform.DomainException}s (their kind,
 * code and details are what the API answers).
 */
public interface ProductBrowsing {

    /** Active products; {@code category} includes its subcategories, {@code sort} as the API's (null: popular). */
    ProductPage list(ListingFilter filter);

    /**
     * A product with its reviews preview, histogram and related products. An inactive product only for its seller
     * and admins. A view by a signed-in shopper or a guest with a cart token counts for recommendations.
     */
    ProductDetails details(UUID productId, Optional<CurrentUser> viewer, String guestCartToken);

    List<CategoryNode> categoryTree();

    CategoryDetails category(String slug);

    record ListingFilter(
            String category,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            String brand,
            BigDecimal minRating,
            String sort,
            int page,
            int limit) {}
}
