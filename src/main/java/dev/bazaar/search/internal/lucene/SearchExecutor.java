package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.SearchEngine.Facets;
import dev.bazaar.search.internal.SearchEngine.SearchHits;
import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.engine.FilterValues.Facet;
import dev.bazaar.search.internal.relevance.JoinedWords;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceQueryPlan;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Runs one search request: a page of hits with their exact total, and facets with drill-sideways counts.
 *
 * <p>Drill-sideways is done with one extra counting pass per facet whose own filter is set (at most three),
 * each running the query with every other filter; a facet whose filter is unset reuses the main pass. Lucene's
 * {@code DrillSideways} would share the passes, but price is a range filter rather than a facet value, and
 * separate passes keep the semantics obvious. The query text is rewritten once (typo expansion) and shared. When
 * enough products match every word, the facets count only those ({@link
 * RelevanceRules#MIN_EVERY_WORD_MATCHES_FOR_FACETS}), at the cost of one more counting pass.
 */
final class SearchExecutor {

    private final RelevanceQuery relevance = new RelevanceQuery();
    private final Analyzer textAnalyzer;
    private final Analyzer wordsAnalyzer;

    /**
     * {@code textAnalyzer}: the index's analysis chain, which the query text goes through ({@link
     * RelevanceQueryPlan#parse}); {@code wordsAnalyzer}: {@link ProductAnalyzers#suggestQuery()}, which splits text
     * into words as typed.
     */
    SearchExecutor(Analyzer textAnalyzer, Analyzer wordsAnalyzer) {
        this.textAnalyzer = textAnalyzer;
        this.wordsAnalyzer = wordsAnalyzer;
    }

    SearchHits execute(IndexSearcher searcher, SearchRequest request, boolean countFacets) throws IOException {
        int page = Math.max(1, request.page());
        int limit = Math.max(0, request.limit());
        long offset = (long) (page - 1) * limit;
        long end = offset + limit;
        if (end > RelevanceRules.MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException(
                    "page * limit must not exceed " + RelevanceRules.MAX_RESULT_WINDOW + ", was " + end);
        }

        boolean browsing = request.query() == null || request.query().isBlank();
        RelevanceQueryPlan.Text<Query> parsed = browsing
                ? null
                : RelevanceQueryPlan.parse(relevance, textAnalyzer, splitJoinedWords(searcher, request.query()));
        Query text = searcher.rewrite(browsing ? new MatchAllDocsQuery() : parsed.scoring());
        RequestFilters filters = RequestFilters.of(request);
        Query counted = text; // what the facets count: see RelevanceRules.MIN_EVERY_WORD_MATCHES_FOR_FACETS
        if (countFacets && parsed != null && parsed.everyWord() != null) {
            Query everyWord = searcher.rewrite(parsed.everyWord());
            if (RelevanceRules.facetsCountEveryWordMatches(searcher.count(filters.applyTo(everyWord)))) {
                counted = everyWord;
            }
        }
        Sort sort = ResultSorts.of(request.sort(), browsing);

        int wanted = (int) Math.max(1, Math.min(end, searcher.getIndexReader().maxDoc()));
        // A threshold of MAX_VALUE makes the total exact; the facet collector visits every hit anyway.
        var topHits = new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE);
        if (!countFacets) {
            TopFieldDocs top = searcher.search(filters.applyTo(text), topHits);
            return new SearchHits(idsOf(top.scoreDocs, offset, end), top.totalHits.value(), Facets.NONE);
        }
        Object[] results = searcher.search(
                filters.applyTo(text), new MultiCollectorManager(topHits, new FacetsCollectorManager()));
        TopFieldDocs top = (TopFieldDocs) results[0];
        FacetsCollector allFiltersHits = counted == text
                ? (FacetsCollector) results[1]
                : searcher.search(filters.applyTo(counted), new FacetsCollectorManager());

        FacetsCollector categoryHits = hitsIgnoring(Facet.CATEGORY, searcher, counted, filters, allFiltersHits);
        FacetsCollector priceHits = hitsIgnoring(Facet.PRICE, searcher, counted, filters, allFiltersHits);
        FacetsCollector brandHits = hitsIgnoring(Facet.BRAND, searcher, counted, filters, allFiltersHits);
        Facets facets = new Facets(
                FacetCounter.categories(categoryHits),
                FacetCounter.priceRanges(priceHits),
                FacetCounter.brands(brandHits),
                FacetCounter.estimated(categoryHits)
                        || FacetCounter.estimated(priceHits)
                        || FacetCounter.estimated(brandHits));
        return new SearchHits(idsOf(top.scoreDocs, offset, end), top.totalHits.value(), facets);
    }

    /** The query with its words written together split, against the index's vocabulary ({@link JoinedWords}). */
    private String splitJoinedWords(IndexSearcher searcher, String query) throws IOException {
        List<String> words = ProductAnalyzers.words(wordsAnalyzer, query);
        if (JoinedWords.candidates(words).isEmpty()) {
            return query;
        }
        // Asked when needed: a word that matches as typed (the usual case) costs one count, its splits none.
        Map<String, Long> counts = new HashMap<>();
        String split = JoinedWords.split(
                words,
                word -> count(searcher, RelevanceQueryPlan.matchesAsTyped(relevance, textAnalyzer, word)) > 0,
                word -> counts.computeIfAbsent(
                        word, part -> count(searcher, new TermQuery(new Term(IndexFields.SPELLING, part)))));
        return split == null ? query : split;
    }

    /** Products matching now (docFreq would still count deleted ones), as OpenSearch counts them. */
    private static long count(IndexSearcher searcher, Query query) {
        try {
            return searcher.count(query);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static FacetsCollector hitsIgnoring(
            Facet facet, IndexSearcher searcher, Query text, RequestFilters filters, FacetsCollector allFiltersHits)
            throws IOException {
        if (!filters.restricts(facet)) {
            return allFiltersHits;
        }
        return searcher.search(filters.applyTo(text, facet), new FacetsCollectorManager());
    }

    private static List<UUID> idsOf(ScoreDoc[] hits, long offset, long end) {
        List<UUID> ids = new ArrayList<>();
        for (long i = offset; i < Math.min(end, hits.length); i++) {
            ids.add(idOf((FieldDoc) hits[(int) i]));
        }
        return ids;
    }

    static UUID idOf(FieldDoc hit) {
        return UUID.fromString(((BytesRef) hit.fields[hit.fields.length - 1]).utf8ToString());
    }
}
