package dev.bazaar.search.internal.engine;

import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.relevance.RelevanceRules;

/**
 * A request's non-scoring restrictions as the values the index holds, null where unset. Category, brand and
 * price are each a facet and counted with every filter but their own; the rating has no facet. Each engine turns
 * these into its own queries.
 *
 * @param minPriceCents inclusive; {@code maxPriceCents} too (bounds are rounded inwards to whole cents)
 */
public record FilterValues(
        String categorySlug, String brandKey, Long minPriceCents, Long maxPriceCents, Long minRatingHundredths) {

    /** The filters that are facets: each facet is counted with every filter except its own. */
    public enum Facet {
        CATEGORY,
        BRAND,
        PRICE
    }

    public static FilterValues of(SearchRequest request) {
        return new FilterValues(
                isBlank(request.category()) ? null : request.category().strip(),
                isBlank(request.brand()) ? null : RelevanceRules.brandKey(request.brand()),
                request.minPrice() == null ? null : RelevanceRules.lowerBoundHundredths(request.minPrice()),
                request.maxPrice() == null ? null : RelevanceRules.upperBoundHundredths(request.maxPrice()),
                request.minRating() == null ? null : RelevanceRules.lowerBoundHundredths(request.minRating()));
    }

    public boolean hasPrice() {
        return minPriceCents != null || maxPriceCents != null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
