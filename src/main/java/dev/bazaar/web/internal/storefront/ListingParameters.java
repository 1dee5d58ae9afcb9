package dev.bazaar.web.internal.storefront;

import dev.bazaar.search.CatalogSearch;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The filters, sort and page a search or category page was asked for (the API's parameter names). */
record ListingParameters(
        String q,
        String category,
        String brand,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal minRating,
        String sort,
        Integer page) {

    static final int PAGE_SIZE = 24;

    int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }

    CatalogSearch.Query query(String categoryOverride) {
        return new CatalogSearch.Query(
                q,
                categoryOverride != null ? categoryOverride : category,
                brand,
                minPrice,
                maxPrice,
                minRating,
                sort,
                pageNumber(),
                PAGE_SIZE);
    }

    ListingLinks links(String path, boolean withCategory) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q);
        if (withCategory) {
            values.put("category", category);
        }
        values.put("brand", brand);
        values.put("minPrice", minPrice == null ? null : minPrice.toPlainString());
        values.put("maxPrice", maxPrice == null ? null : maxPrice.toPlainString());
        values.put("minRating", minRating == null ? null : minRating.toPlainString());
        values.put("sort", sort);
        values.put("page", page == null ? null : page.toString());
        return new ListingLinks(path, values);
    }
}
