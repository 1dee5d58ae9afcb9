package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.SearchEngine.FacetCount;
import dev.bazaar.search.internal.SearchEngine.PriceRangeCount;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts facet values over collected hits, straight from doc values. Counting per segment in segment ordinals
 * and merging by value afterwards needs no per-reader ordinal map, so nothing has to be rebuilt or cached each
 * time the near-real-time reader is refreshed.
 *
 * <p>Beyond {@link RelevanceRules#FACET_EXACT_LIMIT} hits, every n-th hit is counted (n chosen so that about that
 * many are) and the counts are scaled up: a systematic sample over index order, which is insertion order and so
 * unrelated to any facet value.
 */
final class FacetCounter {

    private static final long[] PRICE_BOUNDS = RelevanceRules.PRICE_BUCKET_BOUNDS_CENTS.stream()
            .mapToLong(Long::longValue)
            .toArray();

    private FacetCounter() {}

    static List<FacetCount> categories(FacetsCollector hits) throws IOException {
        return topValues(hits, IndexFields.CATEGORY_FACET);
    }

    static List<FacetCount> brands(FacetsCollector hits) throws IOException {
        return topValues(hits, IndexFields.BRAND_FACET);
    }

    /** Whether counting {@code hits} samples them rather than counting each. */
    static boolean estimated(FacetsCollector hits) {
        return Sample.of(hits).stride() > 1;
    }

    static List<PriceRangeCount> priceRanges(FacetsCollector hits) throws IOException {
        long[] counts = new long[PRICE_BOUNDS.length];
        Sample sample = Sample.of(hits);
        for (MatchingDocs segment : hits.getMatchingDocs()) {
            DocIdSetIterator docs = matches(segment);
            if (docs == null) {
                continue;
            }
            NumericDocValues prices = DocValues.getNumeric(segment.context().reader(), IndexFields.PRICE_CENTS);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (sample.takes() && prices.advanceExact(doc) && prices.longValue() >= 0) {
                    counts[bucketOf(prices.longValue())]++;
                }
            }
        }
        List<PriceRangeCount> ranges = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                BigDecimal from = BigDecimal.valueOf(PRICE_BOUNDS[i] / 100);
                BigDecimal to = i + 1 < PRICE_BOUNDS.length ? BigDecimal.valueOf(PRICE_BOUNDS[i + 1] / 100) : null;
                ranges.add(new PriceRangeCount(from, to, sample.scale(counts[i])));
            }
        }
        return ranges;
    }

    private static int bucketOf(long cents) {
        int bucket = 0;
        while (bucket + 1 < PRICE_BOUNDS.length && cents >= PRICE_BOUNDS[bucket + 1]) {
            bucket++;
        }
        return bucket;
    }

    /**
     * Values are stored as {@code value + separator + label}. One value may carry different labels while a
     * rename is being re-indexed; those are merged, keeping the label most documents have.
     */
    private static List<FacetCount> topValues(FacetsCollector hits, String field) throws IOException {
        Map<String, Long> countsByStoredValue = new HashMap<>();
        Sample sample = Sample.of(hits);
        for (MatchingDocs segment : hits.getMatchingDocs()) {
            DocIdSetIterator docs = matches(segment);
            if (docs == null) {
                continue;
            }
            SortedSetDocValues values = DocValues.getSortedSet(segment.context().reader(), field);
            long valueCount = values.getValueCount();
            if (valueCount == 0) {
                continue;
            }
            int[] ordinalCounts = new int[Math.toIntExact(valueCount)];
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (sample.takes() && values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        ordinalCounts[Math.toIntExact(values.nextOrd())]++;
                    }
                }
            }
            for (int ord = 0; ord < ordinalCounts.length; ord++) {
                if (ordinalCounts[ord] > 0) {
                    countsByStoredValue.merge(
                            values.lookupOrd(ord).utf8ToString(), (long) ordinalCounts[ord], Long::sum);
                }
            }
        }

        Map<String, ValueCount> byValue = new HashMap<>();
        countsByStoredValue.forEach((stored, count) -> {
            int separator = stored.indexOf(IndexFields.FACET_SEPARATOR);
            String value = separator < 0 ? stored : stored.substring(0, separator);
            String label = separator < 0 ? stored : stored.substring(separator + 1);
            byValue.computeIfAbsent(value, ValueCount::new).add(label, sample.scale(count));
        });
        return byValue.values().stream()
                .sorted(Comparator.comparingLong(ValueCount::total).reversed().thenComparing(ValueCount::value))
                .limit(RelevanceRules.TOP_FACET_VALUES)
                .map(ValueCount::toFacetCount)
                .toList();
    }

    private static DocIdSetIterator matches(MatchingDocs segment) throws IOException {
        return segment.totalHits() == 0 || segment.bits() == null
                ? null
                : segment.bits().iterator();
    }

    /** Takes every {@code stride}-th hit; {@link #scale} turns a count over the taken ones into one over all. */
    private static final class Sample {
        private final long hits;
        private final long stride;
        private long seen;
        private long taken;

        private Sample(long hits) {
            this.hits = hits;
            this.stride = Math.max(1, (hits + RelevanceRules.FACET_EXACT_LIMIT - 1) / RelevanceRules.FACET_EXACT_LIMIT);
        }

        static Sample of(FacetsCollector collected) {
            long hits = 0;
            for (MatchingDocs segment : collected.getMatchingDocs()) {
                hits += segment.totalHits();
            }
            return new Sample(hits);
        }

        long stride() {
            return stride;
        }

        boolean takes() {
            boolean take = seen++ % stride == 0;
            if (take) {
                taken++;
            }
            return take;
        }

        long scale(long count) {
            return RelevanceRules.scaledFacetCount(count, taken, hits);
        }
    }

    private static final class ValueCount {
        private final String value;
        private long total;
        private String label;
        private long labelCount = -1;

        ValueCount(String value) {
            this.value = value;
        }

        void add(String candidateLabel, long count) {
            total += count;
            if (count > labelCount || (count == labelCount && candidateLabel.compareTo(label) < 0)) {
                label = candidateLabel;
                labelCount = count;
            }
        }

        String value() {
            return value;
        }

        long total() {
            return total;
        }

        FacetCount toFacetCount() {
            return new FacetCount(value, label, total);
        }
    }
}
