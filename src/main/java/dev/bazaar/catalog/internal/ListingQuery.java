package dev.bazaar.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A product listing request: filters, order and page. {@code categoryIds} already holds the chosen category
 * and all its subcategories. Also the cache key of the page it produces.
 */
record ListingQuery(
        List<UUID> categoryIds,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        String brand,
        BigDecimal minRating,
        ListingSort sort,
        int page,
        int limit) {

    enum ListingSort {
        POPULAR("popular", "popularity DESC, id"),
        PRICE_ASC("price:asc", "price ASC, id"),
        PRICE_DESC("price:desc", "price DESC, id"),
        RATING_DESC("rating:desc", "rating DESC, review_count DESC, id"),
        NEWEST("newest", "created_at DESC, id");

        final String parameter;
        final String orderBy;

        ListingSort(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        static ListingSort fromParameter(String value) {
            for (ListingSort sort : values()) {
                if (sort.parameter.equals(value)) {
                    return sort;
                }
            }
            return null;
        }
    }

    /** The WHERE clause over active products, with its parameters. */
    String where(Map<String, Object> params) {
        StringBuilder where = new StringBuilder("active");
        if (categoryIds != null) {
            where.append(" AND category_id = ANY(:categoryIds)");
            params.put("categoryIds", categoryIds.toArray(UUID[]::new));
        }
        if (minPrice != null) {
            where.append(" AND price >= :minPrice");
            params.put("minPrice", minPrice);
        }
        if (maxPrice != null) {
            where.append(" AND price <= :maxPrice");
            params.put("maxPrice", maxPrice);
        }
        if (brand != null) {
            where.append(" AND lower(brand) = :brand");
            params.put("brand", brand.toLowerCase(Locale.ROOT));
        }
        if (minRating != null) {
            where.append(" AND rating >= :minRating");
            params.put("minRating", minRating);
        }
        return where.toString();
    }

    /** The same filters, without page or order: the key of the cached total. */
    ListingQuery filtersOnly() {
        return new ListingQuery(categoryIds, minPrice, maxPrice, brand, minRating, null, 0, 0);
    }
}
