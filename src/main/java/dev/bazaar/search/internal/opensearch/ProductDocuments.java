package dev.bazaar.search.internal.opensearch;

import static dev.bazaar.search.internal.opensearch.IndexFields.*;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Turns a product into its OpenSearch document: the same fields and integer encodings as the Lucene index. */
final class ProductDocuments {

    private ProductDocuments() {}

    static Map<String, Object> toDocument(IndexableProduct product) {
        Map<String, Object> doc = new HashMap<>();
        doc.put(ID, product.id().toString());
        String title = nullToEmpty(product.title());
        doc.put(TITLE, title);
        doc.put(TITLE_KEY, RelevanceRules.sameTextKey(title));
        doc.put(DESCRIPTION, nullToEmpty(product.description()));
        addCategory(doc, product);
        addBrand(doc, product.brand());
        if (product.price() != null) {
            doc.put(PRICE_CENTS, RelevanceRules.cents(product.price()));
        }
        doc.put(RATING_HUNDREDTHS, product.rating() == null ? 0 : RelevanceRules.hundredths(product.rating()));
        doc.put(REVIEW_COUNT, product.reviewCount());
        doc.put(POPULARITY, product.popularity());
        doc.put(
                CREATED_MILLIS,
                product.createdAt() == null ? 0 : product.createdAt().toEpochMilli());
        return doc;
    }

    private static void addCategory(Map<String, Object> doc, IndexableProduct product) {
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
            path.add(slug);
        }
        doc.put(CATEGORY_PATH, path.stream().toList());

        // Ancestor slugs make "electronics" find a laptop even though only "Laptops" is its category's name.
        String name = nullToEmpty(product.categoryName());
        doc.put(CATEGORY_TEXT, name + " " + String.join(" ", path).replace('-', ' '));

        if (!slug.isEmpty()) {
            doc.put(CATEGORY_SLUG, slug);
            doc.put(CATEGORY_LABEL, name.isBlank() ? slug : name.strip());
        }
    }

    private static void addBrand(Map<String, Object> doc, String brand) {
        if (brand == null || brand.isBlank()) {
            return;
        }
        doc.put(BRAND_TEXT, brand);
        doc.put(BRAND_KEY, RelevanceRules.brandKey(brand));
        doc.put(BRAND_LABEL, brand.strip());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
