package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.SearchEngine;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceQueryPlan;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Turns a search request into one OpenSearch search: the relevance query restricted by the rating filter, the
 * facet filters as {@code post_filter}, the facets as aggregations (unless not wanted), the sort, and the page. The total is exact.
 */
final class ProductQueries {

    private final RelevanceQuery relevance = new RelevanceQuery();
    private final Analyzer textAnalyzer;

    /** {@code textAnalyzer}: {@link ProductAnalyzers#text()}, the index's chain for the text fields. */
    ProductQueries(Analyzer textAnalyzer) {
        this.textAnalyzer = textAnalyzer;
    }

    /** What {@code word} matches as typed ({@link RelevanceQueryPlan#matchesAsTyped}); a stop word matches nothing. */
    Query matchesAsTyped(String word) {
        return RelevanceQueryPlan.matchesAsTyped(relevance, textAnalyzer, word);
    }

    /** The requested slice of results; refused beyond the result window, as the Lucene engine does. */
    record Page(int from, int size) {}

    static Page page(SearchRequest request) {
        int page = Math.max(1, request.page());
        int limit = Math.max(0, request.limit());
        long offset = (long) (page - 1) * limit;
        long end = offset + limit;
        if (end > RelevanceRules.MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException(
                    "page * limit must not exceed " + RelevanceRules.MAX_RESULT_WINDOW + ", was " + end);
        }
        return new Page((int) offset, limit);
    }

    org.opensearch.client.opensearch.core.SearchRequest search(
            String index, SearchRequest request, Page page, boolean countFacets) {
        boolean browsing = request.query() == null || request.query().isBlank();
        RelevanceQueryPlan.Text<Query> parsed =
                browsing ? null : RelevanceQueryPlan.parse(relevance, textAnalyzer, request.query());
        Query text = browsing ? Query.of(q -> q.matchAll(m -> m)) : parsed.scoring();
        RequestFilters filters = RequestFilters.of(request);
        Query everyWord = parsed == null ? null : parsed.everyWord();
        return org.opensearch.client.opensearch.core.SearchRequest.of(s -> {
            s.index(index).query(filters.query(text));
            if (countFacets) {
                s.aggregations(FacetAggregations.of(filters, everyWord));
            }
            s.sort(sort(request.sort(), browsing))
                    .from(page.from())
                    .size(page.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.fetch(false));
            Query postFilter = filters.postFilter();
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            return s;
        });
    }

    /**
     * The order of each sort, as the Lucene engine's: every one ends with popularity and then the id; relevance puts
     * the rating between them.
     */
    static List<SortOptions> sort(SearchEngine.Sort order, boolean browsing) {
        SearchEngine.Sort effective = order == null ? SearchEngine.Sort.RELEVANCE : order;
        List<SortOptions> sort = new ArrayList<>();
        switch (effective) {
            // without query text every score is equal, so relevance means popularity
            case RELEVANCE -> {
                if (!browsing) {
                    sort.add(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
                }
                // equal scores go by popularity, then rating, then id
                sort.add(field(IndexFields.POPULARITY, SortOrder.Desc));
                sort.add(field(IndexFields.RATING_HUNDREDTHS, SortOrder.Desc));
                sort.add(field(IndexFields.ID, SortOrder.Asc));
                return sort;
            }
            case PRICE_ASC -> sort.add(field(IndexFields.PRICE_CENTS, SortOrder.Asc));
            case PRICE_DESC -> sort.add(field(IndexFields.PRICE_CENTS, SortOrder.Desc));
            case RATING_DESC -> {
                sort.add(field(IndexFields.RATING_HUNDREDTHS, SortOrder.Desc));
                sort.add(field(IndexFields.REVIEW_COUNT, SortOrder.Desc));
            }
            case NEWEST -> sort.add(field(IndexFields.CREATED_MILLIS, SortOrder.Desc));
        }
        sort.addAll(byPopularityThenId());
        return sort;
    }

    static List<SortOptions> byPopularityThenId() {
        return List.of(field(IndexFields.POPULARITY, SortOrder.Desc), field(IndexFields.ID, SortOrder.Asc));
    }

    // products without the value go last, in either direction (OpenSearch's default "missing": "_last")
    private static SortOptions field(String field, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
    }
}
