package dev.bazaar.search.internal.relevance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relevance, filtering, facet and autocomplete rules every search engine follows, so that the embedded Lucene
 * engine and the OpenSearch adapter rank, filter and count alike. Each engine translates them into its own query
 * language; the engine contract tests check that both give the same answers.
 */
public final class RelevanceRules {

    /** Words of a query beyond this are ignored; it keeps the score tiers within float precision. */
    public static final int MAX_TERMS = 12;

    /**
     * More than BM25 of one term (boost 3) can add up to: idf ≤ ln N and the tf factor ≤ k1 + 1 = 2.2 keep it under
     * ~115 even with tens of millions of documents. Score tiers are multiples of it.
     */
    public static final float PER_TERM_SCORE_CEILING = 150f;

    /** Deepest result offset served, like Elasticsearch's max_result_window: deeper pages cost memory per request. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /** Values listed per category and brand facet, most frequent first. */
    public static final int TOP_FACET_VALUES = 20;

    /** Lower bounds of the price facet's buckets, in cents; the last bucket is open-ended. */
    public static final List<Long> PRICE_BUCKET_BOUNDS_CENTS =
            List.of(0L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L, 100_000L);

    public static final int MAX_SUGGESTIONS = 50;

    /** Typed words of an autocomplete request beyond this are ignored. */
    public static final int MAX_SUGGEST_WORDS = 8;

    /** Typed words shorter than this must match as typed; longer ones may be one edit away. */
    public static final int MIN_SUGGEST_TYPO_LENGTH = 3;

    /**
     * The first letter of a typed word is taken as typed, as Elasticsearch's completion suggester does by default:
     * people rarely mistype it, and without it a one-edit expansion of a short prefix over every title-word prefix
     * cost up to 300 ms on a million products.
     */
    public static final int SUGGEST_TYPO_PREFIX_LENGTH = 1;

    /** Longest title-word prefix indexed for autocomplete; longer typed words are cut to it before matching. */
    public static final int MAX_SUGGEST_PREFIX = 20;

    private static final Map<String, Float> FIELD_BOOSTS = boostsInFieldOrder();

    private RelevanceRules() {}

    /** The full-text fields (by index field name) and their boosts; each query word takes its best field. */
    public static Map<String, Float> fieldBoosts() {
        return FIELD_BOOSTS;
    }

    /**
     * Elasticsearch's {@code fuzziness: AUTO}, on the analysed term's length in code points: 1–2 characters exact
     * only, 3–5 one edit, 6 or more two edits.
     */
    public static int maxEdits(String term) {
        int length = length(term);
        if (length <= 2) {
            return 0;
        }
        return length <= 5 ? 1 : 2;
    }

    private static Map<String, Float> boostsInFieldOrder() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put("title", 3f);
        boosts.put("description", 1f);
        boosts.put("category", 1f);
        boosts.put("brand", 1f);
        return Collections.unmodifiableMap(boosts);
    }

    /** Prices are indexed as whole cents; half a cent rounds up like a till would. */
    public static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Ratings are indexed as whole hundredths. */
    public static long hundredths(BigDecimal rating) {
        return rating.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    // Indexed values are whole hundredths, so rounding an inclusive bound inwards keeps it inclusive and exact.
    public static long lowerBoundHundredths(BigDecimal bound) {
        return bound.movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public static long upperBoundHundredths(BigDecimal bound) {
        return bound.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The brand filter ignores case and surrounding spaces. */
    public static String brandKey(String brand) {
        return brand.strip().toLowerCase(Locale.ROOT);
    }

    /** Titles that are the same ignoring case and spacing are suggested once. */
    public static String sameTextKey(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A typed word cut to the longest indexed prefix. */
    public static String cutToIndexedPrefix(String word) {
        return length(word) <= MAX_SUGGEST_PREFIX
                ? word
                : word.substring(0, word.offsetByCodePoints(0, MAX_SUGGEST_PREFIX));
    }

    public static int length(String word) {
        return word.codePointCount(0, word.length());
    }
}
