package dev.bazaar.search;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.platform.web.Pagination;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Search and autocomplete as the storefront uses them: the same engine, cache, typo tolerance and database
 * fallback as {@code GET /products/search} and {@code /products/suggest}.
 */
public interface CatalogSearch {

    /** {@code sort}: null or relevance, price:asc, price:desc, rating:desc, newest; anything else is a 400. */
    Results search(Query query);

    List<Suggestion> suggest(String prefix, int limit);

    record Query(
            String text,
            String category,
            String brand,
            BigDecimal minPrice,
            BigDecimal maxPrice,
            BigDecimal minRating,
            String sort,
            int page,
            int limit) {}

    /**
     * {@code degraded}: the engine was down and the database answered (no facets, no typo tolerance). {@code
     * didYouMean}: a spelling correction of the query made only of words in the index, when the first page has
     * fewer than 3 products and the corrected query finds products; null otherwise (and always when degraded).
     */
    record Results(
            List<ProductCard> products, Pagination pagination, Facets facets, boolean degraded, String didYouMean) {}

    /**
     * Counts per value; each facet's counts apply every filter except its own. With query text, when at least 5
     * products match every word of it, the counts cover only those (the results shown first), otherwise every
     * product matching any word: the same rule as {@code GET /api/v1/products/search}. {@code estimated}: more than
     * 10,000 products were to be counted, so the counts come from a sample of about that many, scaled up (show them
     * as approximate).
     */
    record Facets(
            List<FacetCount> categories, List<PriceRange> priceRanges, List<FacetCount> brands, boolean estimated) {}

    record FacetCount(String value, String label, long count) {}

    /** Products priced in [from, to); {@code to} is null for the open-ended top range. */
    record PriceRange(BigDecimal from, BigDecimal to, long count) {}

    record Suggestion(String text, UUID productId) {}
}
