package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.relevance.QueryParts;
import dev.bazaar.search.internal.relevance.RelevanceQueryPlan;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * OpenSearch's {@link QueryParts}, from which {@link RelevanceQueryPlan} builds the same full-text query, clause for
 * clause, as for the Lucene engine, so that scores and their tiers are the same. The plan analyses the query text
 * with the index's own analysis chain, so the DSL holds terms, not text.
 */
final class RelevanceQuery implements QueryParts<Query> {

    /** The fuzzy queries must match every term within the distance: OpenSearch's default rewrite keeps 50. */
    private static final String ALL_EXPANSIONS = "constant_score";

    @Override
    public Query none() {
        return Query.of(q -> q.matchNone(m -> m));
    }

    @Override
    public Query term(String field, String term) {
        return termQuery(field, term);
    }

    @Override
    public Query withinEdits(String field, String term, int edits) {
        return withinEdits(field, term, edits, 0);
    }

    /** A bool with one clause scores as that clause, times its boost. */
    @Override
    public Query boosted(Query query, float boost) {
        return Query.of(q -> q.bool(b -> b.must(query).boost(boost)));
    }

    @Override
    public Query constantScore(Query query, float score) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(score)));
    }

    @Override
    public Query bestOf(List<Query> queries, float tieBreaker) {
        return Query.of(q -> q.disMax(d -> d.queries(queries).tieBreaker(tieBreaker)));
    }

    @Override
    public Query anyOf(List<Query> queries) {
        return Query.of(q -> q.bool(b -> b.should(queries)));
    }

    @Override
    public Query everyOf(List<Query> queries) {
        return Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    @Override
    public Query butNot(Query query, Query excluded) {
        return Query.of(q -> q.bool(b -> b.must(query).mustNot(excluded)));
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
}
