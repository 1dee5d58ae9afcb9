package dev.bazaar.search.internal.relevance;

import java.util.List;

/**
 * The query primitives {@link RelevanceQueryPlan} builds the full-text query from, written once per engine in its
 * own query language (Lucene's {@code Query} objects, OpenSearch's query DSL). Each must score as its counterpart
 * in the other engine does, so that both engines rank alike.
 *
 * @param <Q> the engine's query type
 */
public interface QueryParts<Q> {

    /** Matches nothing (a text of stop words only). */
    Q none();

    /** Documents holding {@code term} in {@code field}, scored by BM25. */
    Q term(String field, String term);

    /**
     * Documents holding a term within {@code edits} of {@code term} in {@code field} (a transposition is one edit),
     * over every such term, however many the index has.
     */
    Q withinEdits(String field, String term, int edits);

    /** {@code query} with its score multiplied by {@code boost}. */
    Q boosted(Q query, float boost);

    /** The documents {@code query} matches, each scored {@code score}. */
    Q constantScore(Q query, float score);

    /** The best of the queries' scores plus {@code tieBreaker} times the others' ({@code dis_max}). */
    Q bestOf(List<Q> queries, float tieBreaker);

    /** Documents matching any of the queries, scored by the sum of those that match. */
    Q anyOf(List<Q> queries);

    /** Documents matching every one of the queries, unscored (a filter). */
    Q everyOf(List<Q> queries);

    /** Documents {@code query} matches that {@code excluded} does not, scored by {@code query}. */
    Q butNot(Q query, Q excluded);
}
