package dev.bazaar.search.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The plain BM25 baseline: one field holding name, class and category path; lower-cased and split on anything
 * that is not a letter or digit; no stemming, no stop words, no typo tolerance; query words OR-ed. Lucene's
 * BM25 defaults (k1 1.2, b 0.75). Equal scores keep index order (products in file order).
 */
final class Bm25Baseline implements AutoCloseable {

    private static final String FIELD = "text";

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            TokenStream stream = new LowerCaseFilter(source);
            return new TokenStreamComponents(source, stream);
        }
    };
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25Baseline(List<WandsData.Product> products) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (WandsData.Product product : products) {
                Document doc = new Document();
                doc.add(new StoredField("id", product.id()));
                doc.add(new TextField(
                        FIELD,
                        product.name() + " " + product.productClass() + " " + product.categoryPath(),
                        Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1); // one segment: index order is file order
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    List<Integer> search(String text, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms(text)) {
            query.add(new TermQuery(new Term(FIELD, term)), Occur.SHOULD);
        }
        try {
            List<Integer> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                ids.add(searcher.storedFields()
                        .document(hit.doc)
                        .getField("id")
                        .numericValue()
                        .intValue());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        analyzer.close();
    }
}
