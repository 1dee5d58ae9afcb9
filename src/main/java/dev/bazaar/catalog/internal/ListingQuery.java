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
        POPULAR("popular", "popularity DESC, id", "popularity"),
        PRICE_ASC("price:asc", "price ASC, id", "price"),
        PRICE_DESC("price:desc", "price DESC, id", "price"),
        RATING_DESC("rating:desc", "rating DESC, review_count DESC, id", "rating, review_count"),
        NEWEST("newest", "created_at DESC, id", "created_at");

        final String parameter;
        final String orderBy;
        /** The columns {@link #orderBy} needs besides id, selected where pages of several branches merge. */
        final String sortColumns;

        ListingSort(String parameter, String orderBy, String sortColumns) {
            this.parameter = parameter;
            this.orderBy = orderBy;
            this.sortColumns = sortColumns;
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
        return where.append(filters(params)).toString();
    }

    /**
     * The SELECT of one page. With several categories (a parent and its subcategories) each category is its own
     * branch that reads just the first offset+limit rows of its (category, sort) index, and the branches merge:
     * "category = ANY(...) ORDER BY ..." would instead walk the global sort index and filter, which on 1M
     * products took seconds for a small category.
     */
    String pageSql(Map<String, Object> params) {
        params.put("limit", limit);
        params.put("offset", (long) (page - 1) * limit);
        if (categoryIds == null || categoryIds.size() == 1 || categoryIds.size() > MAX_BRANCHES) {
            if (categoryIds != null && categoryIds.size() == 1) {
                params.put("category0", categoryIds.getFirst());
                return "SELECT id FROM products WHERE active AND category_id = :category0" + filters(params)
                        + " ORDER BY " + sort.orderBy + " LIMIT :limit OFFSET :offset";
            }
            return "SELECT id FROM products WHERE " + where(params) + " ORDER BY " + sort.orderBy
                    + " LIMIT :limit OFFSET :offset";
        }
        params.put("branchLimit", (long) page * limit);
        String filters = filters(params);
        StringBuilder sql = new StringBuilder("SELECT id FROM (");
        for (int i = 0; i < categoryIds.size(); i++) {
            params.put("category" + i, categoryIds.get(i));
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT id, ")
                    .append(sort.sortColumns)
                    .append(" FROM products WHERE active AND category_id = :category")
                    .append(i)
                    .append(filters)
                    .append(" ORDER BY ")
                    .append(sort.orderBy)
                    .append(" LIMIT :branchLimit)");
        }
        return sql.append(") branches ORDER BY ")
                .append(sort.orderBy)
                .append(" LIMIT :limit OFFSET :offset")
                .toString();
    }

    private static final int MAX_BRANCHES = 64;

    private String filters(Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
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
