package dev.bazaar.search.internal.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The analysis chains of the product index, shared by indexing and querying so both sides agree on terms. */
final class ProductAnalyzers {

    /** Longest title-word prefix indexed for autocomplete; longer typed words are cut to it before matching. */
    static final int MAX_SUGGEST_PREFIX = 20;

    private ProductAnalyzers() {}

    /**
     * EnglishAnalyzer's chain plus ASCII folding, so that "Café" and "cafe" meet. Full-text fields and the query
     * text both go through it; exact matching therefore means "same stem".
     */
    static Analyzer text() {
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
    static Analyzer suggestQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** What the index writer uses: {@link #text()} everywhere, edge n-grams of each word in the suggest field. */
    static Analyzer indexing() {
        Analyzer titlePrefixes = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                // preserveOriginal keeps words longer than the longest prefix findable by their full spelling
                stream = new EdgeNGramTokenFilter(stream, 1, MAX_SUGGEST_PREFIX, true);
                return new TokenStreamComponents(source, stream);
            }
        };
        return new PerFieldAnalyzerWrapper(text(), Map.of(ProductFields.SUGGEST, titlePrefixes));
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
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
}
