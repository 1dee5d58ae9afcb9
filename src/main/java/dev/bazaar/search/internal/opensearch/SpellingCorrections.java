package dev.bazaar.search.internal.opensearch;

import dev.bazaar.search.internal.relevance.JoinedWords;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.FieldSuggester;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.SuggestSort;

/**
 * The query words checked against the index's own vocabulary, the {@code spelling} field: "did you mean", and
 * splitting words written together ({@link JoinedWords}).
 *
 * <p>"Did you mean" with the Lucene engine's rules, by OpenSearch's term suggester on the {@code spelling} field (the
 * title and description as whole unstemmed words): each query word missing from it is replaced by the closest
 * indexed word within two edits, the most frequent of equally close ones. One request, one suggester per word.
 */
final class SpellingCorrections {

    private SpellingCorrections() {}

    static String correct(OpenSearchClient client, String index, List<String> words) throws IOException {
        SearchResponse<Void> response = client.search(
                s -> {
                    s.index(index).size(0).trackTotalHits(t -> t.enabled(false));
                    s.suggest(suggest -> {
                        for (int i = 0; i < words.size(); i++) {
                            String word = words.get(i);
                            suggest.suggesters(
                                    "w" + i,
                                    FieldSuggester.of(f -> f.text(word)
                                            .term(t -> t.field(IndexFields.SPELLING)
                                                    .suggestMode(SuggestMode.Missing)
                                                    .maxEdits(RelevanceRules.MAX_CORRECTION_EDITS)
                                                    .minWordLength(RelevanceRules.MIN_CORRECTED_WORD_LENGTH)
                                                    .prefixLength(1)
                                                    .sort(SuggestSort.Score)
                                                    .size(1))));
                        }
                        return suggest;
                    });
                    return s;
                },
                Void.class);
        List<String> corrections = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            List<Suggest<Void>> entries = response.suggest().get("w" + i);
            String correction = null;
            if (entries != null && entries.size() == 1 && entries.getFirst().isTerm()) {
                var options = entries.getFirst().term().options();
                correction = options.isEmpty() ? null : options.getFirst().text();
            }
            corrections.add(correction);
        }
        return RelevanceRules.correctedQuery(words, corrections);
    }

    /**
     * {@code words} with the words written together split ({@link JoinedWords}), or null when none is: one request
     * counting, per candidate word, the products whose spelling field holds it (a filter aggregation each), none
     * when no word is long enough to be tried.
     */
    static String splitJoinedWords(
            OpenSearchClient client, String index, List<String> words, Function<String, Query> matchesAsTyped)
            throws IOException {
        List<String> candidates = List.copyOf(JoinedWords.candidates(words));
        if (candidates.isEmpty()) {
            return null;
        }
        List<String> lookups = List.copyOf(JoinedWords.lookups(words));
        SearchResponse<Void> response = client.search(
                s -> {
                    s.index(index).size(0).trackTotalHits(t -> t.enabled(false));
                    for (int i = 0; i < candidates.size(); i++) {
                        Query typed = matchesAsTyped.apply(candidates.get(i));
                        s.aggregations("t" + i, Aggregation.of(a -> a.filter(typed)));
                    }
                    for (int i = 0; i < lookups.size(); i++) {
                        Query holds = RelevanceQuery.termQuery(IndexFields.SPELLING, lookups.get(i));
                        s.aggregations("w" + i, Aggregation.of(a -> a.filter(holds)));
                    }
                    return s;
                },
                Void.class);
        Map<String, Long> typed = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            typed.put(candidates.get(i), docCount(response.aggregations().get("t" + i)));
        }
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < lookups.size(); i++) {
            counts.put(lookups.get(i), docCount(response.aggregations().get("w" + i)));
        }
        return JoinedWords.split(words, word -> typed.getOrDefault(word, 0L) > 0, counts::get);
    }

    private static long docCount(Aggregate count) {
        return count == null ? 0L : count.filter().docCount();
    }
}
