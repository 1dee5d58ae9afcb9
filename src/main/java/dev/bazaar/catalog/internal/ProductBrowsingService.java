package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogViews.CategoryDetails;
import dev.bazaar.catalog.CatalogViews.CategoryNode;
import dev.bazaar.catalog.CatalogViews.ProductDetails;
import dev.bazaar.catalog.CatalogViews.ProductPage;
import dev.bazaar.catalog.ProductBrowsing;
import dev.bazaar.platform.security.CurrentUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** {@link ProductBrowsing} over the services behind the product and category endpoints. */
@Service
class ProductBrowsingService implements ProductBrowsing {

    private final ProductListing listing;
    private final ProductAdministration products;
    private final CategoryAdministration categories;
    private final ProductViewReporting views;

    ProductBrowsingService(
            ProductListing listing,
            ProductAdministration products,
            CategoryAdministration categories,
            ProductViewReporting views) {
        this.listing = listing;
        this.products = products;
        this.categories = categories;
        this.views = views;
    }

    @Override
    public ProductPage list(ListingFilter filter) {
        return listing.list(
                filter.category(),
                filter.minPrice(),
                filter.maxPrice(),
                filter.brand(),
                filter.minRating(),
                filter.sort(),
                filter.page(),
                filter.limit());
    }

    @Override
    public ProductDetails details(UUID productId, Optional<CurrentUser> viewer, String guestCartToken) {
        ProductDetails details = products.details(productId, viewer);
        if (details.active()) {
            views.viewed(productId, viewer, guestCartToken);
        }
        return details;
    }

    @Override
    public List<CategoryNode> categoryTree() {
        return categories.tree();
    }

    @Override
    public CategoryDetails category(String slug) {
        return categories.details(slug);
    }
}
