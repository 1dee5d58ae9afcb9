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
     * More than BM25 of one term can add up to over its fields: the best field (boost 3) plus {@link
     * #CROSS_FIELD_TIE_BREAKER} times the other three (boost 1 each), times {@link #LAST_WORD_WEIGHT} for the last
     * word. idf ≤ ln N and the tf factor ≤ k1 + 1 = 2.2 keep one field under ~38 per unit of boost even with tens
     * of millions of documents, so under ~410 in all. Score tiers are multiples of it.
     */
    public static final float PER_TERM_SCORE_CEILING = 500f;

    /**
     * The BM25 of the query word that names the kind of product counts this many times: in English shopping queries
     * that is usually the last word ("rustic storage cabinet"), the words before it describe it, or, when the query
     * goes on with "for", "with" or "without", the last word before that ("desk for kids", {@link
     * ProductAnalyzers#productWordIndex}). It only orders products within a tier (see the query builders), never
     * lets a product matching fewer words first.
     */
    public static final float LAST_WORD_WEIGHT = 2f;

    /**
     * Cross-field scoring: a query word's score is its best field's BM25 plus this share of its BM25 in the other
     * fields ({@code multi_match} {@code tie_breaker}), so a product whose title, type and category all say the word
     * beats one whose short title alone does. Nearer the plain sum ({@code most_fields}, 1) ranked better on the
     * tuning queries (0.5 → 0.8 → 1: NDCG@10 0.779 → 0.785 → 0.788), but each field has its own idf, so from 0.9 on
     * a word rare in descriptions outweighs a title match, against the engine contract's "title matches outrank
     * description matches". 0.8 is the largest share that keeps that promise.
     */
    public static final float CROSS_FIELD_TIE_BREAKER = 0.8f;

    /** Deepest result offset served, like Elasticsearch's max_result_window: deeper pages cost memory per request. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    /**
     * Facet counts describe the results a shopper sees: when at least this many products (under the request's
     * filters) match every word of the query, exactly or within the typo allowance, the facets count only those;
     * otherwise every product matching any word. A query of one word matches every word wherever it matches.
     * Without it, "lunch bag" counted hundreds of jewellery "bags" in the category facet.
     */
    public static final int MIN_EVERY_WORD_MATCHES_FOR_FACETS = 5;

    /**
     * "Did you mean" is offered when a search's first page has fewer results than this (and the corrected query
     * finds some): few enough that the shopper probably mistyped.
     */
    public static final int FEW_RESULTS_FOR_DID_YOU_MEAN = 3;

    /** "Did you mean" corrects words of at least this many letters, by at most this many edits. */
    public static final int MIN_CORRECTED_WORD_LENGTH = 4;

    public static final int MAX_CORRECTION_EDITS = 2;

    /**
     * The corrected query from the words of a query and each one's correction (null: keep the word), or null when
     * no word changed.
     */
    public static String correctedQuery(List<String> words, List<String> corrections) {
        boolean changed = false;
        List<String> result = new java.util.ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String correction = corrections.get(i);
            if (correction != null && !correction.equals(words.get(i))) {
                changed = true;
                result.add(correction);
            } else {
                result.add(words.get(i));
            }
        }
        return changed ? String.join(" ", result) : null;
    }

    /** Whether the facets count only the products matching every word, given how many do. */
    public static boolean facetsCountEveryWordMatches(long everyWordMatches) {
        return everyWordMatches >= MIN_EVERY_WORD_MATCHES_FOR_FACETS;
    }

    /**
     * Facets are counted exactly over at most this many products; beyond it, over a sample of about this many,
     * scaled up and flagged {@code estimated}. A one-word query over a million products would otherwise read doc
     * values for every product on every page of it, for counts no shopper reads to the last digit.
     */
    public static final int FACET_EXACT_LIMIT = 10_000;

    /**
     * A count seen in a sample, scaled to the whole: {@code sampledCount} of {@code sampled} products, out of {@code
     * counted}, rounded to the nearest whole product and never below 1 for a value that was seen.
     */
    public static long scaledFacetCount(long sampledCount, long sampled, long counted) {
        if (sampled <= 0 || sampled >= counted) {
            return sampledCount;
        }
        long scaled = Math.round(sampledCount * ((double) counted / sampled));
        return sampledCount > 0 ? Math.max(1, scaled) : 0;
    }

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

    private static final Map<String, Float> FIELD_BOOSTS = boostsInFieldOrder(3f);
    private static final Map<String, Float> EQUAL_BOOSTS = boostsInFieldOrder(1f);

    private static volatile Rules rules = Rules.ALL;

    private RelevanceRules() {}

    /**
     * Which of the relevance rules are on. All of them always are in the store; the relevance evaluation
     * (src/test/.../search/relevance) switches one off at a time to measure what it is worth.
     *
     * @param titleBoost the title counts three times as much as other fields
     * @param crossFields a word's BM25 in its other fields adds {@link #CROSS_FIELD_TIE_BREAKER} of itself
     * @param lastWordNamesTheProduct the last word's BM25 counts {@link #LAST_WORD_WEIGHT} times
     * @param allTermsFirst products matching every query word come first
     * @param exactBeforeTypos then products matching more words exactly (same stem)
     * @param typos words may match within {@link #maxEdits(String)} edits
     * @param typosOnlyWhereExactMisses a typo match of a word counts only in products without the exact word
     * @param fewerEditsForShortWords 1–3 characters exact, 4–7 one edit, 8+ two ({@code AUTO:4,8}); otherwise
     *     {@code AUTO} (1–2 exact, 3–5 one, 6+ two)
     * @param productWordBeforeQualifier the word naming the product is the last one before "for", "with" or
     *     "without" when the query has one; otherwise always the last word
     * @param splitJoinedWords a word the index lacks is searched as the two indexed words it is written from
     *     ({@link JoinedWords})
     */
    public record Rules(
            boolean titleBoost,
            boolean crossFields,
            boolean lastWordNamesTheProduct,
            boolean allTermsFirst,
            boolean exactBeforeTypos,
            boolean typos,
            boolean typosOnlyWhereExactMisses,
            boolean fewerEditsForShortWords,
            boolean productWordBeforeQualifier,
            boolean splitJoinedWords) {

        public static final Rules ALL = new Rules(true, true, true, true, true, true, true, true, true, true);
    }

    public static Rules rules() {
        return rules;
    }

    /** For the relevance evaluation only: measures the store with some rules switched off. */
    public static void useRules(Rules changed) {
        rules = changed;
    }

    /** The full-text fields (by index field name) and their boosts. */
    public static Map<String, Float> fieldBoosts() {
        return rules.titleBoost() ? FIELD_BOOSTS : EQUAL_BOOSTS;
    }

    /**
     * How much the BM25 of the word at {@code index} of {@code count} query words counts, {@code productWord} being
     * the one that names the product ({@link ProductAnalyzers#productWordIndex}).
     */
    public static float wordWeight(int index, int productWord, int count) {
        return rules.lastWordNamesTheProduct() && count > 1 && index == productWord ? LAST_WORD_WEIGHT : 1f;
    }

    /** The dis_max tie-breaker that gives a query word's other fields their share of its score. */
    public static float tieBreaker() {
        return rules.crossFields() ? CROSS_FIELD_TIE_BREAKER : 0f;
    }

    /**
     * The typo allowance on the analysed term's length in code points, like Elasticsearch's {@code fuzziness:
     * AUTO:4,8}: 1–3 characters exact only, 4–7 one edit, 8 or more two edits. Short words have many one-edit
     * neighbours that are different words ("heaven" and "heater" are two edits apart).
     */
    public static int maxEdits(String term) {
        Rules current = rules;
        if (!current.typos()) {
            return 0;
        }
        int length = length(term);
        int low = current.fewerEditsForShortWords() ? 4 : 3;
        int high = current.fewerEditsForShortWords() ? 8 : 6;
        if (length < low) {
            return 0;
        }
        return length < high ? 1 : 2;
    }

    private static Map<String, Float> boostsInFieldOrder(float titleBoost) {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put("title", titleBoost);
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
