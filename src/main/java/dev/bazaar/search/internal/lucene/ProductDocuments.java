package dev.bazaar.search.internal.lucene;

import static dev.bazaar.search.internal.lucene.IndexFields.*;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.engine.IndexedProduct;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/** Turns a product's indexed values ({@link IndexedProduct}) into its Lucene document. */
final class ProductDocuments {

    /** Autocomplete only asks whether a prefix occurs, so frequencies, positions and norms would be dead weight. */
    private static final FieldType PREFIXES_ONLY = prefixesOnly();

    private ProductDocuments() {}

    static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    static Document toDocument(IndexableProduct product) {
        IndexedProduct values = IndexedProduct.of(product);
        Document doc = new Document();
        doc.add(new StringField(ID, values.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(values.id())));

        doc.add(new TextField(TITLE, values.title(), Field.Store.YES));
        doc.add(new Field(SUGGEST, values.title(), PREFIXES_ONLY));
        doc.add(new TextField(DESCRIPTION, values.description(), Field.Store.NO));
        doc.add(new Field(SPELLING, values.title() + "\n" + values.description(), PREFIXES_ONLY));

        values.categoryPath().forEach(slug -> doc.add(new StringField(CATEGORY_PATH, slug, Field.Store.NO)));
        doc.add(new TextField(CATEGORY_TEXT, values.categoryText(), Field.Store.NO));
        if (values.categorySlug() != null) {
            doc.add(new SortedSetDocValuesField(
                    CATEGORY_FACET, new BytesRef(values.categorySlug() + FACET_SEPARATOR + values.categoryLabel())));
        }
        if (values.brand() != null) {
            doc.add(new TextField(BRAND_TEXT, values.brand(), Field.Store.NO));
            doc.add(new StringField(BRAND_KEY, values.brandKey(), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(
                    BRAND_FACET, new BytesRef(values.brandKey() + FACET_SEPARATOR + values.brandLabel())));
        }

        if (values.priceCents() != null) {
            addNumber(doc, PRICE_CENTS, values.priceCents());
        }
        addNumber(doc, RATING_HUNDREDTHS, values.ratingHundredths());
        doc.add(new NumericDocValuesField(REVIEW_COUNT, values.reviewCount()));
        addNumber(doc, POPULARITY, values.popularity());
        addNumber(doc, CREATED_MILLIS, values.createdMillis());
        return doc;
    }

    private static void addNumber(Document doc, String field, long value) {
        doc.add(new LongPoint(field, value));
        doc.add(new NumericDocValuesField(field, value));
    }

    private static FieldType prefixesOnly() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
