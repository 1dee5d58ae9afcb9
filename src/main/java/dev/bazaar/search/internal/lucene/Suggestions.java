package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.SearchEngine.Suggestion;
import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Autocomplete over product titles: every typed word must be the beginning of a word of the title.
 *
 * <p>Titles' word prefixes are indexed as edge n-grams in the main index rather than kept in a separate FST
 * suggester. FuzzySuggester and friends would have to be rebuilt whole on every upsert or deletion (or serve stale
 * and inactive products until the next rebuild), whereas n-grams in the main index follow upserts, deletions and
 * the generation switch of a rebuild for free. A prefix is then one term lookup, and ordering by popularity uses
 * the field's points to skip non-competitive documents, which keeps it in the low milliseconds at a million
 * products.
 *
 * <p>Results come in two tiers, each most popular first: titles matching the prefix as typed, then — only if those
 * do not fill the list — titles within one edit (a transposition counts as one, the first letter as typed) of each
 * typed word of three or more characters. So "lap" never shows a popular "Lamp" above a laptop, while "labt" still finds laptops.
 * Identical titles (ignoring case and spacing) are suggested once, with the most popular product.
 */
final class Suggestions {

    private static final int MAX_BATCHES = 10;
    private static final Set<String> TITLE_ONLY = Set.of(IndexFields.TITLE);

    private final Analyzer prefixAnalyzer;

    Suggestions(Analyzer prefixAnalyzer) {
        this.prefixAnalyzer = prefixAnalyzer;
    }

    List<Suggestion> find(IndexSearcher searcher, String prefix, int limit) throws IOException {
        if (prefix == null || prefix.isBlank() || limit <= 0) {
            return List.of();
        }
        int wanted = Math.min(limit, RelevanceRules.MAX_SUGGESTIONS);
        List<String> words = ProductAnalyzers.typedWords(prefixAnalyzer, prefix);
        if (words.isEmpty()) {
            return List.of();
        }

        Map<String, Suggestion> byText = new LinkedHashMap<>();
        Query asTyped = allOf(words, word -> new TermQuery(new Term(IndexFields.SUGGEST, word)));
        collect(searcher, asTyped, wanted, byText);

        if (byText.size() < wanted
                && words.stream()
                        .anyMatch(word -> RelevanceRules.length(word) >= RelevanceRules.MIN_SUGGEST_TYPO_LENGTH)) {
            Query withTypos = allOf(
                    words,
                    word -> RelevanceRules.length(word) < RelevanceRules.MIN_SUGGEST_TYPO_LENGTH
                            ? new TermQuery(new Term(IndexFields.SUGGEST, word))
                            : RelevanceQuery.withinEdits(
                                    IndexFields.SUGGEST, word, 1, RelevanceRules.SUGGEST_TYPO_PREFIX_LENGTH));
            Query onlyWithTypos = new BooleanQuery.Builder()
                    .add(withTypos, Occur.FILTER)
                    .add(asTyped, Occur.MUST_NOT)
                    .build();
            collect(searcher, onlyWithTypos, wanted, byText);
        }
        return byText.values().stream().limit(wanted).toList();
    }

    /** Pages through hits by popularity until enough distinct titles are found (duplicates are skipped). */
    private static void collect(IndexSearcher searcher, Query query, int wanted, Map<String, Suggestion> byText)
            throws IOException {
        Sort byPopularity = new Sort(ResultSorts.popularity(), ResultSorts.id());
        int batch = Math.max(2 * wanted, 10);
        StoredFields storedFields = searcher.storedFields();
        FieldDoc after = null;
        for (int round = 0; round < MAX_BATCHES && byText.size() < wanted; round++) {
            TopFieldDocs hits = searcher.search(query, new TopFieldCollectorManager(byPopularity, batch, after, batch));
            for (ScoreDoc scoreDoc : hits.scoreDocs) {
                FieldDoc hit = (FieldDoc) scoreDoc;
                String title = storedFields.document(hit.doc, TITLE_ONLY).get(IndexFields.TITLE);
                byText.putIfAbsent(
                        RelevanceRules.sameTextKey(title),
                        new Suggestion(title, SearchExecutor.idOf(hit), (Long) hit.fields[0]));
                if (byText.size() >= wanted) {
                    return;
                }
            }
            if (hits.scoreDocs.length < batch) {
                return;
            }
            after = (FieldDoc) hits.scoreDocs[hits.scoreDocs.length - 1];
        }
    }

    private static Query allOf(List<String> words, Function<String, Query> perWord) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        words.forEach(word -> all.add(perWord.apply(word), Occur.FILTER));
        return all.build();
    }
}
