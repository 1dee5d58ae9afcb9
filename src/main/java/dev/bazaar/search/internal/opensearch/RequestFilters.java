package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.engine.FilterValues;
import dev.bazaar.search.internal.engine.FilterValues.Facet;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The non-scoring restrictions of a request ({@link FilterValues}) as OpenSearch queries. Category, brand and price are each a facet
 * and are applied after the query ({@code post_filter}) so that every facet can be counted with all filters but
 * its own; the rating filter has no facet and restricts the query itself.
 */
record RequestFilters(Query category, Query brand, Query price, Query rating) {

    static RequestFilters of(SearchRequest request) {
        FilterValues values = FilterValues.of(request);
        Query category = values.categorySlug() == null
                ? null
                : RelevanceQuery.termQuery(IndexFields.CATEGORY_PATH, values.categorySlug());
        Query brand =
                values.brandKey() == null ? null : RelevanceQuery.termQuery(IndexFields.BRAND_KEY, values.brandKey());
        Query price = atLeastAtMost(IndexFields.PRICE_CENTS, values.minPriceCents(), values.maxPriceCents());
        Query rating = atLeastAtMost(IndexFields.RATING_HUNDREDTHS, values.minRatingHundredths(), null);
        return new RequestFilters(category, brand, price, rating);
    }

    /** {@code text} restricted by the filters that apply to hits and facets alike. */
    Query query(Query text) {
        return rating == null ? text : Query.of(q -> q.bool(b -> b.must(text).filter(rating)));
    }

    /** The facet filters for the hits: all of them, or null when none is set. */
    Query postFilter() {
        return allExcept(null);
    }

    /** Every facet filter except {@code ignored}'s own; match-all when none remains. */
    Query forFacet(Facet ignored) {
        Query filters = allExcept(ignored);
        return filters == null ? Query.of(q -> q.matchAll(m -> m)) : filters;
    }

    private Query allExcept(Facet ignored) {
        List<Query> filters = new ArrayList<>();
        if (category != null && ignored != Facet.CATEGORY) {
            filters.add(category);
        }
        if (brand != null && ignored != Facet.BRAND) {
            filters.add(brand);
        }
        if (price != null && ignored != Facet.PRICE) {
            filters.add(price);
        }
        return filters.isEmpty() ? null : Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static Query atLeastAtMost(String field, Long min, Long max) {
        if (min == null && max == null) {
            return null;
        }
        return Query.of(q -> q.range(r -> {
            r.field(field);
            if (min != null) {
                r.gte(JsonData.of(min));
            }
            if (max != null) {
                r.lte(JsonData.of(max));
            }
            return r;
        }));
    }
}
