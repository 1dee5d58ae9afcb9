package dev.bazaar.search.internal.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * The full-text part of a search, written once for both engines over their {@link QueryParts}: a {@code dis_max} per
 * word over title (boost 3), description, category and brand with the cross-field tie-breaker ({@link
 * RelevanceRules#CROSS_FIELD_TIE_BREAKER}), the word naming the product weighing double ({@link
 * RelevanceRules#LAST_WORD_WEIGHT}, {@link ProductAnalyzers#productWordIndex}).
 *
 * <p>The score is built in tiers so that the ordering promises hold whatever BM25 says:
 *
 * <ol>
 *   <li>documents matching every term (exactly or within the typo allowance) come first;
 *   <li>then documents matching more terms exactly (same stem) — so a typo match never outranks an exact one;
 *   <li>then BM25 of the exact matches, plus a small constant per typo match of a term the document lacks
 *       exactly (title typos weigh more, one edit more than two).
 * </ol>
 *
 * Each tier's weight exceeds the most the tiers below it can add up to: BM25 of one term over its fields stays
 * under ~410 even with tens of millions of documents (idf ≤ ln N, tf factor ≤ k1 + 1 = 2.2, boosts 3 + 0.8 × 3,
 * twice that for the word naming the product), so 500 per term is a safe ceiling. Scores stay below ~170 000 for
 * the longest query, where floats still resolve 0.016.
 *
 * <p>Typo allowance ({@link RelevanceRules#maxEdits}) is measured on the analysed (lower-cased, stemmed) term:
 * 1–3 characters exact only, 4–7 one edit, 8 or more two edits; a transposition counts as one edit. Typo matches
 * are constant score over every term within the distance, which also keeps the query's clause count small and
 * independent of how many words the index holds near the typed one.
 */
public final class RelevanceQueryPlan {

    private RelevanceQueryPlan() {}

    /**
     * The scoring query, and the products matching every word (exactly or within the typo allowance; null for a
     * query of one word, where that is every match), which the facets count when there are enough of them.
     */
    public record Text<Q>(Q scoring, Q everyWord) {}

    /**
     * The full-text query for {@code text}, analysed with {@code textAnalyzer} (the index's own chain for the text
     * fields, {@link ProductAnalyzers#text()}) into its terms ({@link ProductAnalyzers#queryTerms}) and the word
     * naming the product ({@link ProductAnalyzers#productWordIndex}). All-stop-word text matches nothing.
     */
    public static <Q> Text<Q> parse(QueryParts<Q> parts, Analyzer textAnalyzer, String text) {
        List<String> terms = ProductAnalyzers.queryTerms(textAnalyzer, text);
        int productWord = terms.isEmpty() ? 0 : ProductAnalyzers.productWordIndex(textAnalyzer, text, terms);
        return build(parts, terms, productWord);
    }

    /**
     * What {@code word}, analysed with {@code textAnalyzer} as {@link #parse} analyses text, matches as typed: in
     * any searchable field, exactly or within the typo allowance, as {@link #parse} matches it. Unscored; {@link
     * JoinedWords} asks it before splitting a word. A stop word matches nothing.
     */
    public static <Q> Q matchesAsTyped(QueryParts<Q> parts, Analyzer textAnalyzer, String word) {
        List<String> terms = ProductAnalyzers.queryTerms(textAnalyzer, word);
        return terms.isEmpty() ? parts.none() : termMatchesAsTyped(parts, terms.getFirst());
    }

    /**
     * @param terms the query's analysed terms, as the index's analysis chain makes them
     * @param productWord the index in {@code terms} of the word naming the product
     */
    private static <Q> Text<Q> build(QueryParts<Q> parts, List<String> terms, int productWord) {
        if (terms.isEmpty()) {
            return new Text<>(parts.none(), null);
        }
        int termCount = terms.size();
        float exactWeight = RelevanceRules.PER_TERM_SCORE_CEILING * (termCount + 1);
        float allTermsWeight = exactWeight * (termCount + 1);

        RelevanceRules.Rules rules = RelevanceRules.rules();
        List<Q> should = new ArrayList<>();
        List<Q> termMatches = new ArrayList<>();
        for (int i = 0; i < termCount; i++) {
            String term = terms.get(i);
            Q exactBm25 = bestField(parts, field -> parts.term(field, term), RelevanceRules.tieBreaker());
            float weight = RelevanceRules.wordWeight(i, productWord, termCount);
            should.add(weight == 1f ? exactBm25 : parts.boosted(exactBm25, weight));
            if (rules.exactBeforeTypos()) {
                should.add(parts.constantScore(exactBm25, exactWeight));
            }

            int edits = RelevanceRules.maxEdits(term);
            if (edits == 0) {
                termMatches.add(exactBm25);
                continue;
            }
            Q typo = typoMatch(parts, term, edits);
            // with the rule, a typo match counts only in products that do not have the word itself
            should.add(rules.typosOnlyWhereExactMisses() ? parts.butNot(typo, exactBm25) : typo);
            termMatches.add(parts.anyOf(List.of(exactBm25, typo)));
        }
        Q everyWord = termCount > 1 ? parts.everyOf(termMatches) : null;
        if (everyWord != null && rules.allTermsFirst()) {
            should.add(parts.constantScore(everyWord, allTermsWeight));
        }
        return new Text<>(parts.anyOf(should), everyWord);
    }

    /** The products an analysed query term matches as typed ({@link #matchesAsTyped}). */
    private static <Q> Q termMatchesAsTyped(QueryParts<Q> parts, String term) {
        Q exact = bestField(parts, field -> parts.term(field, term), 0f);
        int edits = RelevanceRules.maxEdits(term);
        return edits == 0 ? exact : parts.anyOf(List.of(exact, typoMatch(parts, term, edits)));
    }

    private static <Q> Q typoMatch(QueryParts<Q> parts, String term, int edits) {
        return bestField(
                parts,
                field -> {
                    Q within = parts.withinEdits(field, term, edits);
                    if (edits == 1) {
                        return parts.constantScore(within, 1f);
                    }
                    // one edit away scores twice what two edits away does
                    return parts.anyOf(List.of(
                            parts.constantScore(within, 0.5f),
                            parts.constantScore(parts.withinEdits(field, term, 1), 0.5f)));
                },
                0f);
    }

    private static <Q> Q bestField(QueryParts<Q> parts, Function<String, Q> perField, float tieBreaker) {
        List<Q> disjuncts = new ArrayList<>();
        RelevanceRules.fieldBoosts().forEach((field, boost) -> {
            Q query = perField.apply(field);
            disjuncts.add(boost == 1f ? query : parts.boosted(query, boost));
        });
        return parts.bestOf(disjuncts, tieBreaker);
    }
}
