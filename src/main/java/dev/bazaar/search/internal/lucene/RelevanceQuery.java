package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The full-text part of a search: an Elasticsearch-like {@code multi_match} over title (boost 3), description,
 * category and brand with typo tolerance, where each query term scores its best field plus 0.8 of its score in
 * the other fields ({@code tie_breaker} 0.8, see {@link RelevanceRules#CROSS_FIELD_TIE_BREAKER}), the word naming the
 * product twice ({@link RelevanceRules#LAST_WORD_WEIGHT}, {@link ProductAnalyzers#productWordIndex}).
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
 * twice that for the word naming the product), so 500 per term is a safe ceiling. Scores stay below ~170 000 for the longest
 * query, where floats still resolve 0.016.
 *
 * <p>Typo allowance ({@link RelevanceRules#maxEdits}) is measured on the analysed (lower-cased, stemmed) term:
 * 1–3 characters exact only, 4–7 one edit, 8 or more two edits; a transposition counts as one edit. Typo matches
 * are constant score over every term within the distance, which also keeps the query's clause count small and
 * independent of how many words the index holds near the typed one.
 */
final class RelevanceQuery {

    private final Analyzer analyzer;

    RelevanceQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The scoring query, and the products matching every word (exactly or within the typo allowance; null for a
     * query of one word, where that is every match), which the facets count when there are enough of them.
     */
    record Text(Query scoring, Query everyWord) {}

    /** A query matching documents with at least one term; all-stop-word text matches nothing, as in ES. */
    Query build(String text) {
        return parse(text).scoring();
    }

    Text parse(String text) {
        List<String> terms = ProductAnalyzers.queryTerms(analyzer, text);
        if (terms.isEmpty()) {
            return new Text(new MatchNoDocsQuery("no searchable words"), null);
        }
        int termCount = terms.size();
        int productWord = ProductAnalyzers.productWordIndex(analyzer, text, terms);
        float exactWeight = RelevanceRules.PER_TERM_SCORE_CEILING * (termCount + 1);
        float allTermsWeight = exactWeight * (termCount + 1);

        RelevanceRules.Rules rules = RelevanceRules.rules();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Query> termMatches = new ArrayList<>();
        for (int i = 0; i < termCount; i++) {
            String term = terms.get(i);
            Query exactBm25 = bestField(field -> new TermQuery(new Term(field, term)), RelevanceRules.tieBreaker());
            float weight = RelevanceRules.wordWeight(i, productWord, termCount);
            query.add(weight == 1f ? exactBm25 : new BoostQuery(exactBm25, weight), Occur.SHOULD);
            if (rules.exactBeforeTypos()) {
                query.add(new BoostQuery(new ConstantScoreQuery(exactBm25), exactWeight), Occur.SHOULD);
            }

            int edits = RelevanceRules.maxEdits(term);
            if (edits == 0) {
                termMatches.add(exactBm25);
                continue;
            }
            Query typo = typoMatch(term, edits);
            if (rules.typosOnlyWhereExactMisses()) {
                // a typo match counts only in products that do not have the word itself
                query.add(
                        new BooleanQuery.Builder()
                                .add(typo, Occur.MUST)
                                .add(exactBm25, Occur.MUST_NOT)
                                .build(),
                        Occur.SHOULD);
            } else {
                query.add(typo, Occur.SHOULD);
            }
            termMatches.add(new BooleanQuery.Builder()
                    .add(exactBm25, Occur.SHOULD)
                    .add(typo, Occur.SHOULD)
                    .build());
        }
        Query everyWord = termCount > 1 ? everyTerm(termMatches) : null;
        if (everyWord != null && rules.allTermsFirst()) {
            query.add(new BoostQuery(new ConstantScoreQuery(everyWord), allTermsWeight), Occur.SHOULD);
        }
        return new Text(query.build(), everyWord);
    }

    private static Query everyTerm(List<Query> termMatches) {
        BooleanQuery.Builder everyTerm = new BooleanQuery.Builder();
        termMatches.forEach(match -> everyTerm.add(match, Occur.FILTER));
        return everyTerm.build();
    }

    static FuzzyQuery withinEdits(String field, String term, int edits) {
        return withinEdits(field, term, edits, 0);
    }

    /** As {@link #withinEdits(String, String, int)}, with the first {@code prefixLength} characters exact. */
    static FuzzyQuery withinEdits(String field, String term, int edits, int prefixLength) {
        // Constant-score rewrite: no cap on expansions (a cap would pick candidates alphabetically among equals)
        // and a single clause instead of one per expanded term.
        return new FuzzyQuery(
                new Term(field, term),
                edits,
                prefixLength,
                FuzzyQuery.defaultMaxExpansions,
                true,
                MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    private static Query typoMatch(String term, int edits) {
        return bestField(
                field -> {
                    Query within = new ConstantScoreQuery(withinEdits(field, term, edits));
                    if (edits == 1) {
                        return within;
                    }
                    // one edit away scores twice what two edits away does
                    return new BooleanQuery.Builder()
                            .add(new BoostQuery(within, 0.5f), Occur.SHOULD)
                            .add(
                                    new BoostQuery(new ConstantScoreQuery(withinEdits(field, term, 1)), 0.5f),
                                    Occur.SHOULD)
                            .build();
                },
                0f);
    }

    private static Query bestField(Function<String, Query> perField, float tieBreaker) {
        List<Query> disjuncts = new ArrayList<>();
        RelevanceRules.fieldBoosts().forEach((field, boost) -> {
            Query query = perField.apply(field);
            disjuncts.add(boost == 1f ? query : new BoostQuery(query, boost));
        });
        return new DisjunctionMaxQuery(disjuncts, tieBreaker);
    }
}
