package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.SearchEngine.FacetCount;
import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.PriceRangeCount;
import dev.bazaar.search.internal.engine.FilterValues.Facet;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.AggregationRange;
import org.opensearch.client.opensearch._types.aggregations.RangeBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Drill-sideways facets in one request: each facet is a {@code filter} aggregation holding every facet filter
 * except its own (the hits get all of them through {@code post_filter}), around a {@code terms} aggregation of the
 * value ordered like the Lucene engine's counts (most documents first, then by value) with the label most of its
 * documents carry, or a {@code range} aggregation of the price buckets.
 *
 * <p>Counting is bounded by a {@code sampler} aggregation between the filter and the values: each shard counts
 * only its {@link RelevanceRules#FACET_EXACT_LIMIT} best-scoring matches, and when the filter matched more, the
 * counts are scaled by matched / sampled and flagged {@code estimated}. (OpenSearch has no random sampler; the
 * best-scoring matches are the ones a shopper sees, which suits facets that describe the results shown.)
 */
final class FacetAggregations {

    private static final String VALUES = "values";
    private static final String LABEL = "label";
    private static final String CATEGORIES = "categories";
    private static final String BRANDS = "brands";
    private static final String PRICES = "prices";
    private static final String EVERY_WORD = "every_word";
    private static final String EVERY_WORD_HITS = "every_word_hits";
    private static final String SAMPLE = "sample";

    private FacetAggregations() {}

    /**
     * The facets over every match, and, when {@code everyWord} is set, again over the products matching every word
     * with the number of those passing every filter, so that {@link #read} can choose by {@link
     * RelevanceRules#facetsCountEveryWordMatches} without a second request.
     */
    static Map<String, Aggregation> of(RequestFilters filters, Query everyWord) {
        Map<String, Aggregation> aggregations = of(filters);
        if (everyWord != null) {
            Query postFilter = filters.postFilter();
            Query everyWordHits =
                    postFilter == null ? everyWord : Query.of(q -> q.bool(b -> b.filter(everyWord, postFilter)));
            aggregations.put(EVERY_WORD, Aggregation.of(a -> a.filter(everyWord).aggregations(of(filters))));
            aggregations.put(EVERY_WORD_HITS, Aggregation.of(a -> a.filter(everyWordHits)));
        }
        return aggregations;
    }

    static Map<String, Aggregation> of(RequestFilters filters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(
                CATEGORIES,
                Aggregation.of(a -> a.filter(filters.forFacet(Facet.CATEGORY))
                        .aggregations(
                                SAMPLE, sampled(topValues(IndexFields.CATEGORY_SLUG, IndexFields.CATEGORY_LABEL)))));
        aggregations.put(
                BRANDS,
                Aggregation.of(a -> a.filter(filters.forFacet(Facet.BRAND))
                        .aggregations(SAMPLE, sampled(topValues(IndexFields.BRAND_KEY, IndexFields.BRAND_LABEL)))));
        aggregations.put(
                PRICES,
                Aggregation.of(
                        a -> a.filter(filters.forFacet(Facet.PRICE)).aggregations(SAMPLE, sampled(priceBuckets()))));
        return aggregations;
    }

    static Facets read(Map<String, Aggregate> aggregations) {
        Aggregate everyWordHits = aggregations.get(EVERY_WORD_HITS);
        if (everyWordHits != null
                && RelevanceRules.facetsCountEveryWordMatches(
                        everyWordHits.filter().docCount())) {
            return facets(aggregations.get(EVERY_WORD).filter().aggregations());
        }
        return facets(aggregations);
    }

    private static Facets facets(Map<String, Aggregate> aggregations) {
        Aggregate categories = aggregations.get(CATEGORIES);
        Aggregate prices = aggregations.get(PRICES);
        Aggregate brands = aggregations.get(BRANDS);
        return new Facets(
                counts(categories),
                priceRanges(prices),
                counts(brands),
                estimated(categories) || estimated(prices) || estimated(brands));
    }

    private static Aggregation sampled(Aggregation values) {
        return Aggregation.of(a ->
                a.sampler(s -> s.shardSize(RelevanceRules.FACET_EXACT_LIMIT)).aggregations(VALUES, values));
    }

    private static boolean estimated(Aggregate facet) {
        return sampleOf(facet).docCount() < facet.filter().docCount();
    }

    private static org.opensearch.client.opensearch._types.aggregations.SamplerAggregate sampleOf(Aggregate facet) {
        return facet.filter().aggregations().get(SAMPLE).sampler();
    }

    private static long scaled(Aggregate facet, long sampledCount) {
        return RelevanceRules.scaledFacetCount(
                sampledCount, sampleOf(facet).docCount(), facet.filter().docCount());
    }

    private static Aggregation topValues(String valueField, String labelField) {
        return Aggregation.of(a -> a.terms(t -> t.field(valueField)
                        .size(RelevanceRules.TOP_FACET_VALUES)
                        .order(byCountThenKey()))
                .aggregations(
                        LABEL,
                        Aggregation.of(label ->
                                label.terms(t -> t.field(labelField).size(1).order(byCountThenKey())))));
    }

    private static List<Map<String, SortOrder>> byCountThenKey() {
        return List.of(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc));
    }

    private static Aggregation priceBuckets() {
        List<Long> bounds = RelevanceRules.PRICE_BUCKET_BOUNDS_CENTS;
        List<AggregationRange> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            long from = bounds.get(i);
            Long to = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
            ranges.add(AggregationRange.of(r -> {
                r.from(JsonData.of(from));
                if (to != null) {
                    r.to(JsonData.of(to));
                }
                return r;
            }));
        }
        return Aggregation.of(a -> a.range(r -> r.field(IndexFields.PRICE_CENTS).ranges(ranges)));
    }

    private static List<FacetCount> counts(Aggregate facet) {
        Aggregate values = sampleOf(facet).aggregations().get(VALUES);
        List<FacetCount> counts = new ArrayList<>();
        for (StringTermsBucket bucket : values.sterms().buckets().array()) {
            List<StringTermsBucket> labels =
                    bucket.aggregations().get(LABEL).sterms().buckets().array();
            String label = labels.isEmpty() ? bucket.key() : labels.getFirst().key();
            counts.add(new FacetCount(bucket.key(), label, scaled(facet, bucket.docCount())));
        }
        return counts;
    }

    private static List<PriceRangeCount> priceRanges(Aggregate facet) {
        Aggregate values = sampleOf(facet).aggregations().get(VALUES);
        List<PriceRangeCount> ranges = new ArrayList<>();
        for (RangeBucket bucket : values.range().buckets().array()) {
            if (bucket.docCount() > 0) {
                ranges.add(new PriceRangeCount(
                        wholeUnits(bucket.from()), wholeUnits(bucket.to()), scaled(facet, bucket.docCount())));
            }
        }
        return ranges;
    }

    /** Bucket bounds are whole cents of whole currency units. */
    private static BigDecimal wholeUnits(Double cents) {
        return cents == null ? null : BigDecimal.valueOf(cents.longValue() / 100);
    }
}
