package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.CatalogViews.ProductPage;
import dev.bazaar.catalog.internal.ListingQuery.ListingSort;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * {@code GET /products}: filtered, sorted pages of active products. The ids of a page and the total of a
 * filter are cached for 5 minutes ({@code product-listing}) and cleared by any product change; the cards
 * themselves come from the product cache, so a price change shows at once.
 */
@Service
class ProductListing {

    static final String LISTING_CACHE = "product-listing";
    /** Deepest result a listing pages to, as in search: beyond it, filters serve a shopper better. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private final ProductStore products;
    private final ProductCatalogService reads;
    private final CategoryTreeHolder categories;
    private final Cache listingCache;

    ProductListing(
            ProductStore products, ProductCatalogService reads, CategoryTreeHolder categories, CacheManager caches) {
        this.products = products;
        this.reads = reads;
        this.categories = categories;
        this.listingCache = caches.getCache(LISTING_CACHE);
    }

    ProductPage list(
            String category,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            String brand,
            BigDecimal minRating,
            String sort,
            int page,
            int limit) {
        ListingSort order = sort == null ? ListingSort.POPULAR : ListingSort.fromParameter(sort);
        if (order == null) {
            throw DomainException.invalidField("sort", "must be one of price:asc, price:desc, rating:desc, newest");
        }
        if ((long) page * limit > MAX_RESULT_WINDOW) {
            throw DomainException.invalidField(
                    "page", "page × limit must not exceed " + MAX_RESULT_WINDOW + "; narrow the filters");
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw DomainException.invalidField("minPrice", "must not be greater than maxPrice");
        }
        List<java.util.UUID> categoryIds = null;
        if (category != null) {
            CategoryRow chosen = categories
                    .current()
                    .bySlug(category)
                    .orElseThrow(() -> DomainException.invalidField("category", "no category has this slug"));
            categoryIds = categories.current().selfAndDescendants(chosen.id());
        }
        String brandFilter = brand == null || brand.isBlank() ? null : brand.trim();
        ListingQuery query =
                new ListingQuery(categoryIds, minPrice, maxPrice, brandFilter, minRating, order, page, limit);
        @SuppressWarnings("unchecked")
        List<java.util.UUID> ids = listingCache.get("page:" + query, () -> products.listingPage(query));
        Long total = listingCache.get("count:" + query.filtersOnly(), () -> products.count(query));
        return new ProductPage(reads.cards(ids), Pagination.of(page, limit, total));
    }

    void evictAll() {
        listingCache.clear();
    }
}
