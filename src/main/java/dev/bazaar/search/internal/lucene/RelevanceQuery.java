package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.relevance.QueryParts;
import dev.bazaar.search.internal.relevance.RelevanceQueryPlan;
import java.util.List;
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
 * Lucene's {@link QueryParts}, from which {@link RelevanceQueryPlan} builds the full-text query (see there for the
 * scoring and its tiers and for the analysis of the query text).
 */
final class RelevanceQuery implements QueryParts<Query> {

    @Override
    public Query none() {
        return new MatchNoDocsQuery("no searchable words");
    }

    @Override
    public Query term(String field, String term) {
        return new TermQuery(new Term(field, term));
    }

    @Override
    public Query withinEdits(String field, String term, int edits) {
        return withinEdits(field, term, edits, 0);
    }

    @Override
    public Query boosted(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    @Override
    public Query constantScore(Query query, float score) {
        Query constant = new ConstantScoreQuery(query);
        return score == 1f ? constant : new BoostQuery(constant, score);
    }

    @Override
    public Query bestOf(List<Query> queries, float tieBreaker) {
        return new DisjunctionMaxQuery(queries, tieBreaker);
    }

    @Override
    public Query anyOf(List<Query> queries) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queries.forEach(query -> any.add(query, Occur.SHOULD));
        return any.build();
    }

    @Override
    public Query everyOf(List<Query> queries) {
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        queries.forEach(query -> every.add(query, Occur.FILTER));
        return every.build();
    }

    @Override
    public Query butNot(Query query, Query excluded) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(excluded, Occur.MUST_NOT)
                .build();
    }

    /** Documents with a term within {@code edits} of {@code term}, the first {@code prefixLength} characters exact. */
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
}
