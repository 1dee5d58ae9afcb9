package dev.bazaar.search.internal.opensearch;

import static dev.bazaar.search.internal.opensearch.IndexFields.*;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.engine.IndexedProduct;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.HashMap;
import java.util.Map;

/** Turns a product's indexed values ({@link IndexedProduct}) into its OpenSearch document. */
final class ProductDocuments {

    private ProductDocuments() {}

    static Map<String, Object> toDocument(IndexableProduct product) {
        IndexedProduct values = IndexedProduct.of(product);
        Map<String, Object> doc = new HashMap<>();
        doc.put(ID, values.id());
        doc.put(TITLE, values.title());
        doc.put(TITLE_KEY, RelevanceRules.sameTextKey(values.title()));
        doc.put(DESCRIPTION, values.description());
        doc.put(CATEGORY_PATH, values.categoryPath());
        doc.put(CATEGORY_TEXT, values.categoryText());
        if (values.categorySlug() != null) {
            doc.put(CATEGORY_SLUG, values.categorySlug());
            doc.put(CATEGORY_LABEL, values.categoryLabel());
        }
        if (values.brand() != null) {
            doc.put(BRAND_TEXT, values.brand());
            doc.put(BRAND_KEY, values.brandKey());
            doc.put(BRAND_LABEL, values.brandLabel());
        }
        if (values.priceCents() != null) {
            doc.put(PRICE_CENTS, values.priceCents());
        }
        doc.put(RATING_HUNDREDTHS, values.ratingHundredths());
        doc.put(REVIEW_COUNT, values.reviewCount());
        doc.put(POPULARITY, values.popularity());
        doc.put(CREATED_MILLIS, values.createdMillis());
        return doc;
    }
}
