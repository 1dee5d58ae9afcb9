package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The full-text part of a search in OpenSearch's query DSL: the same query, clause for clause, that the Lucene
 * engine's {@code RelevanceQueryBuilder} builds, so that scores and their tiers are the same (see there for why the
 * tiers hold): a {@code dis_max} per word over title^3, description, category and brand with the cross-field
 * tie-breaker (the word naming the product weighing double); a constant per word matched exactly; typo matches of words a product lacks exactly, as constants;
 * and a constant for matching every word. The query text is analysed here with the index's own analysis chain, so the DSL holds terms, not text.
 */
final class RelevanceQuery {

    /** The fuzzy queries must match every term within the distance: OpenSearch's default rewrite keeps 50. */
    private static final String ALL_EXPANSIONS = "constant_score";

    private final Analyzer textAnalyzer;

    RelevanceQuery(Analyzer textAnalyzer) {
        this.textAnalyzer = textAnalyzer;
    }

    /**
     * The scoring query, and the products matching every word (null for a query of one word), which the facets
     * count when there are enough of them; as the Lucene engine's.
     */
    record Text(Query scoring, Query everyWord) {}

    /** A query matching documents with at least one word; all-stop-word text matches nothing. */
    Query build(String text) {
        return parse(text).scoring();
    }

    Text parse(String text) {
        List<String> terms = ProductAnalyzers.queryTerms(textAnalyzer, text);
        if (terms.isEmpty()) {
            return new Text(Query.of(q -> q.matchNone(m -> m)), null);
        }
        int termCount = terms.size();
        int productWord = ProductAnalyzers.productWordIndex(textAnalyzer, text, terms);
        float exactWeight = RelevanceRules.PER_TERM_SCORE_CEILING * (termCount + 1);
        float allTermsWeight = exactWeight * (termCount + 1);

        RelevanceRules.Rules rules = RelevanceRules.rules();
        List<Query> should = new ArrayList<>();
        List<Query> termMatches = new ArrayList<>();
        for (int i = 0; i < termCount; i++) {
            String term = terms.get(i);
            Query exactBm25 = bestField(field -> termQuery(field, term), RelevanceRules.tieBreaker());
            float weight = RelevanceRules.wordWeight(i, productWord, termCount);
            should.add(weight == 1f ? exactBm25 : boosted(exactBm25, weight));
            if (rules.exactBeforeTypos()) {
                should.add(constantScore(exactBm25, exactWeight));
            }

            int edits = RelevanceRules.maxEdits(term);
            if (edits == 0) {
                termMatches.add(exactBm25);
                continue;
            }
            Query typo = typoMatch(term, edits);
            if (rules.typosOnlyWhereExactMisses()) {
                // a typo match counts only in products that do not have the word itself
                should.add(Query.of(q -> q.bool(b -> b.must(typo).mustNot(exactBm25))));
            } else {
                should.add(typo);
            }
            termMatches.add(Query.of(q -> q.bool(b -> b.should(exactBm25, typo))));
        }
        Query everyWord = termCount > 1 ? Query.of(q -> q.bool(b -> b.filter(termMatches))) : null;
        if (everyWord != null && rules.allTermsFirst()) {
            should.add(constantScore(everyWord, allTermsWeight));
        }
        return new Text(Query.of(q -> q.bool(b -> b.should(should))), everyWord);
    }

    static Query termQuery(String field, String term) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(term))));
    }

    /** Documents with a term within {@code edits} of {@code term}, the first {@code prefixLength} characters exact. */
    static Query withinEdits(String field, String term, int edits, int prefixLength) {
        return Query.of(q -> q.fuzzy(f -> f.field(field)
                .value(FieldValue.of(term))
                .fuzziness(Integer.toString(edits))
                .prefixLength(prefixLength)
                .transpositions(true)
                .rewrite(ALL_EXPANSIONS)));
    }

    private static Query typoMatch(String term, int edits) {
        return bestField(
                field -> {
                    Query within = constantScore(withinEdits(field, term, edits, 0), 1f);
                    if (edits == 1) {
                        return within;
                    }
                    // one edit away scores twice what two edits away does
                    Query withinOne = constantScore(withinEdits(field, term, 1, 0), 0.5f);
                    Query withinTwo = constantScore(withinEdits(field, term, edits, 0), 0.5f);
                    return Query.of(q -> q.bool(b -> b.should(withinTwo, withinOne)));
                },
                0f);
    }

    private static Query bestField(Function<String, Query> perField, float tieBreaker) {
        List<Query> disjuncts = new ArrayList<>();
        RelevanceRules.fieldBoosts().forEach((field, boost) -> {
            Query query = perField.apply(field);
            disjuncts.add(boost == 1f ? query : boosted(query, boost));
        });
        return Query.of(q -> q.disMax(d -> d.queries(disjuncts).tieBreaker(tieBreaker)));
    }

    /** {@code query} with its score multiplied by {@code boost}: a bool with one clause scores as that clause. */
    private static Query boosted(Query query, float boost) {
        return Query.of(q -> q.bool(b -> b.must(query).boost(boost)));
    }

    static Query constantScore(Query filter, float score) {
        return Query.of(q -> q.constantScore(c -> c.filter(filter).boost(score)));
    }
}
