package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.SearchEngine.Suggestion;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Autocomplete with the Lucene engine's rules: every typed word must begin a word of the title (edge n-grams of
 * the title in the {@code suggest} field); titles matching as typed come first, then, only if those do not fill the
 * list, titles within one edit of each typed word of three or more characters (the first letter as typed); each
 * tier most popular first, and equal titles (ignoring case and spacing) once, with the most popular product.
 * Equal titles are folded by field collapsing on {@code title_key}, which keeps each title's first hit in sort
 * order.
 */
final class Suggestions {

    private final Analyzer prefixAnalyzer;

    Suggestions(Analyzer prefixAnalyzer) {
        this.prefixAnalyzer = prefixAnalyzer;
    }

    List<Suggestion> find(OpenSearchClient client, String index, String prefix, int wanted) throws IOException {
        if (prefix == null || prefix.isBlank() || wanted <= 0) {
            return List.of();
        }
        List<String> words = ProductAnalyzers.typedWords(prefixAnalyzer, prefix);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Suggestion> byText = new LinkedHashMap<>();
        Query asTyped = allOf(words, word -> RelevanceQuery.termQuery(IndexFields.SUGGEST, word));
        collect(client, index, asTyped, wanted, byText);

        if (byText.size() < wanted
                && words.stream()
                        .anyMatch(word -> RelevanceRules.length(word) >= RelevanceRules.MIN_SUGGEST_TYPO_LENGTH)) {
            Query withTypos = allOf(
                    words,
                    word -> RelevanceRules.length(word) < RelevanceRules.MIN_SUGGEST_TYPO_LENGTH
                            ? RelevanceQuery.termQuery(IndexFields.SUGGEST, word)
                            : RelevanceQuery.withinEdits(
                                    IndexFields.SUGGEST, word, 1, RelevanceRules.SUGGEST_TYPO_PREFIX_LENGTH));
            Query onlyWithTypos = Query.of(q -> q.bool(b -> b.filter(withTypos).mustNot(asTyped)));
            collect(client, index, onlyWithTypos, wanted, byText);
        }
        return byText.values().stream().limit(wanted).toList();
    }

    private static void collect(
            OpenSearchClient client, String index, Query query, int wanted, Map<String, Suggestion> byText)
            throws IOException {
        SearchResponse<TitleOnly> response = client.search(
                s -> s.index(index)
                        .query(query)
                        .sort(ProductQueries.byPopularityThenId())
                        .collapse(c -> c.field(IndexFields.TITLE_KEY))
                        .size(wanted)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(IndexFields.TITLE))),
                TitleOnly.class);
        for (Hit<TitleOnly> hit : response.hits().hits()) {
            String title = hit.source() == null ? "" : hit.source().title();
            long popularity = hit.sort().getFirst().longValue();
            byText.putIfAbsent(
                    RelevanceRules.sameTextKey(title), new Suggestion(title, UUID.fromString(hit.id()), popularity));
        }
    }

    private static Query allOf(List<String> words, Function<String, Query> perWord) {
        List<Query> clauses = words.stream().map(perWord).toList();
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /** The part of a product document a suggestion shows. */
    record TitleOnly(String title) {}
}
