package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.relevance.ProductAnalyzers;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean" from the index's own words: each query word missing from the {@link IndexFields#SPELLING}
 * field is replaced by the closest word there within two edits (the most frequent of equally close ones), read
 * straight from the terms dictionary by {@link DirectSpellChecker}, so it follows upserts with no separate
 * dictionary to rebuild.
 */
final class SpellingCorrector {

    private final Analyzer spellingAnalyzer;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingCorrector(Analyzer spellingAnalyzer) {
        this.spellingAnalyzer = spellingAnalyzer;
        checker.setMaxEdits(RelevanceRules.MAX_CORRECTION_EDITS);
        checker.setMinQueryLength(RelevanceRules.MIN_CORRECTED_WORD_LENGTH);
        checker.setMinPrefix(1);
    }

    String correct(IndexReader reader, String query) throws IOException {
        List<String> words = ProductAnalyzers.spellingWords(spellingAnalyzer, query);
        List<String> corrections = new ArrayList<>(words.size());
        for (String word : words) {
            Term term = new Term(IndexFields.SPELLING, word);
            SuggestWord[] similar = reader.docFreq(term) > 0
                    ? new SuggestWord[0]
                    : checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            corrections.add(similar.length == 0 ? null : similar[0].string);
        }
        return RelevanceRules.correctedQuery(words, corrections);
    }
}
