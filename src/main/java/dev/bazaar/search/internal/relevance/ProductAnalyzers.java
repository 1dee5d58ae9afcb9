package dev.bazaar.search.internal.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chains of the product index, shared by indexing and querying so both sides agree on terms. The
 * OpenSearch adapter declares the same chains in its index settings ({@code opensearch/product-index.json}) and
 * analyses query text here, so both engines look up the same terms.
 */
public final class ProductAnalyzers {

    private ProductAnalyzers() {}

    /**
     * EnglishAnalyzer's chain plus ASCII folding, so that "Café" and "cafe" meet. Full-text fields and the query
     * text both go through it; exact matching therefore means "same stem".
     */
    public static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Typed prefixes: unstemmed (a stemmer would mangle half-typed words) and without stop words. */
    public static Analyzer suggestQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * Whole words as written, for "did you mean": unstemmed (a correction must be a real word of the catalog, not a
     * stem such as "tabl") and without stop words. The OpenSearch index declares the same chain ({@code
     * spelling_words}).
     */
    public static Analyzer spelling() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * What an index writer uses: {@link #text()} everywhere, edge n-grams of each word in {@code suggestField},
     * {@link #spelling()} in {@code spellingField}.
     */
    public static Analyzer indexing(String suggestField, String spellingField) {
        Analyzer titlePrefixes = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                // preserveOriginal keeps words longer than the longest prefix findable by their full spelling
                stream = new EdgeNGramTokenFilter(stream, 1, RelevanceRules.MAX_SUGGEST_PREFIX, true);
                return new TokenStreamComponents(source, stream);
            }
        };
        return new PerFieldAnalyzerWrapper(text(), Map.of(suggestField, titlePrefixes, spellingField, spelling()));
    }

    /**
     * Every word of a query as typed, lower-cased and ASCII-folded, stop words kept and not stemmed: the words that
     * {@link JoinedWords} may split and joins back into the query searched.
     */
    public static List<String> words(Analyzer suggestQueryAnalyzer, String text) {
        return terms(suggestQueryAnalyzer, "words", text);
    }

    /** The words of a query as the spelling field holds them, in their order, at most {@link RelevanceRules#MAX_TERMS}. */
    public static List<String> spellingWords(Analyzer spellingAnalyzer, String text) {
        return terms(spellingAnalyzer, "spelling", text).stream()
                .limit(RelevanceRules.MAX_TERMS)
                .toList();
    }

    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no real I/O
        }
        return terms;
    }

    /** The distinct searchable words of a query, at most {@link RelevanceRules#MAX_TERMS}, in their order. */
    public static List<String> queryTerms(Analyzer textAnalyzer, String text) {
        return terms(textAnalyzer, "title", text).stream()
                .distinct()
                .limit(RelevanceRules.MAX_TERMS)
                .toList();
    }

    /** The distinct typed words of an autocomplete request, cut to the longest indexed prefix. */
    public static List<String> typedWords(Analyzer suggestAnalyzer, String prefix) {
        return terms(suggestAnalyzer, "suggest", prefix).stream()
                .map(RelevanceRules::cutToIndexedPrefix)
                .distinct()
                .limit(RelevanceRules.MAX_SUGGEST_WORDS)
                .toList();
    }

    /** Words after which a shopping query qualifies the product it has named: "desk for kids", "sofa with chaise". */
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:for|with|without)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Which of a query's {@code terms} (its {@link #queryTerms}) names the kind of product: the last word before the
     * first "for", "with" or "without" ("desk for kids" names a desk, "sheets for twin beds" sheets), else the last
     * word ("rustic storage cabinet"). Also the last word when the query starts with one of them.
     */
    public static int productWordIndex(Analyzer textAnalyzer, String text, List<String> terms) {
        Matcher qualifier = QUALIFIER.matcher(text);
        if (RelevanceRules.rules().productWordBeforeQualifier() && qualifier.find()) {
            List<String> named = queryTerms(textAnalyzer, text.substring(0, qualifier.start()));
            if (!named.isEmpty() && terms.contains(named.getLast())) {
                return terms.indexOf(named.getLast());
            }
        }
        return terms.size() - 1;
    }
}
