package dev.bazaar.search.internal.lucene;

import static dev.bazaar.search.internal.lucene.ProductFields.*;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.LinkedHashSet;
import java.util.Set;
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

/** Turns a product into its index document, and money and ratings into the integers they are indexed as. */
final class ProductDocuments {

    /** Autocomplete only asks whether a prefix occurs, so frequencies, positions and norms would be dead weight. */
    private static final FieldType PREFIXES_ONLY = prefixesOnly();

    private ProductDocuments() {}

    static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    static Document toDocument(IndexableProduct product) {
        Document doc = new Document();
        String id = product.id().toString();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(id)));

        String title = nullToEmpty(product.title());
        doc.add(new TextField(TITLE, title, Field.Store.YES));
        doc.add(new Field(SUGGEST, title, PREFIXES_ONLY));
        doc.add(new TextField(DESCRIPTION, nullToEmpty(product.description()), Field.Store.NO));
        doc.add(new Field(SPELLING, title + "\n" + nullToEmpty(product.description()), PREFIXES_ONLY));

        addCategory(doc, product);
        addBrand(doc, product.brand());

        if (product.price() != null) {
            addNumber(doc, PRICE_CENTS, RelevanceRules.cents(product.price()));
        }
        addNumber(doc, RATING_HUNDREDTHS, product.rating() == null ? 0 : RelevanceRules.hundredths(product.rating()));
        doc.add(new NumericDocValuesField(REVIEW_COUNT, product.reviewCount()));
        addNumber(doc, POPULARITY, product.popularity());
        addNumber(
                doc,
                CREATED_MILLIS,
                product.createdAt() == null ? 0 : product.createdAt().toEpochMilli());
        return doc;
    }

    private static void addCategory(Document doc, IndexableProduct product) {
        Set<String> path = new LinkedHashSet<>();
        if (product.categoryPath() != null) {
            product.categoryPath().stream()
                    .filter(slug -> slug != null && !slug.isBlank())
                    .map(String::strip)
                    .forEach(path::add);
        }
        String slug =
                product.categorySlug() == null ? "" : product.categorySlug().strip();
        if (!slug.isEmpty()) {
            path.add(slug); // the contract lists it last already; this only guards against a path without it
        }
        path.forEach(s -> doc.add(new StringField(CATEGORY_PATH, s, Field.Store.NO)));

        // Ancestor slugs make "electronics" find a laptop even though only "Laptops" is its category's name.
        String name = nullToEmpty(product.categoryName());
        doc.add(new TextField(CATEGORY_TEXT, name + " " + String.join(" ", path).replace('-', ' '), Field.Store.NO));

        if (!slug.isEmpty()) {
            String label = name.isBlank() ? slug : name.strip();
            doc.add(new SortedSetDocValuesField(CATEGORY_FACET, new BytesRef(slug + FACET_SEPARATOR + label)));
        }
    }

    private static void addBrand(Document doc, String brand) {
        if (brand == null || brand.isBlank()) {
            return;
        }
        String key = RelevanceRules.brandKey(brand);
        doc.add(new TextField(BRAND_TEXT, brand, Field.Store.NO));
        doc.add(new StringField(BRAND_KEY, key, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(BRAND_FACET, new BytesRef(key + FACET_SEPARATOR + brand.strip())));
    }

    private static void addNumber(Document doc, String field, long value) {
        doc.add(new LongPoint(field, value));
        doc.add(new NumericDocValuesField(field, value));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
