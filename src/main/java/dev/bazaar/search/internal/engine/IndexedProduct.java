package dev.bazaar.search.internal.engine;

import dev.bazaar.catalog.IndexableProduct;
import dev.bazaar.search.internal.relevance.RelevanceRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values one product is indexed with, the same in both engines: texts, the category path and facet values,
 * the brand's key and label, and money, ratings and instants as the integers they are indexed as.
 *
 * @param categoryPath every slug from the root category down to the product's own, so a parent category filter
 *     finds children
 * @param categoryText the category's name and the path's slugs as words: "electronics" finds a laptop even though
 *     only "Laptops" is its category's name
 * @param categorySlug the product's own category, null when it has none; {@code categoryLabel} is its display name
 * @param brandKey lower-cased brand for the case-insensitive filter; null, like {@code brand} and {@code
 *     brandLabel}, when the product has no brand
 * @param priceCents null for a product without a price
 */
public record IndexedProduct(
        String id,
        String title,
        String description,
        List<String> categoryPath,
        String categoryText,
        String categorySlug,
        String categoryLabel,
        String brand,
        String brandKey,
        String brandLabel,
        Long priceCents,
        long ratingHundredths,
        int reviewCount,
        long popularity,
        long createdMillis) {

    /**
     * The version of the document shape both engines build from these values. Raise it with any change to what
     * is indexed or how (a field, an analyzer, an encoding): an index stored under another version is rebuilt at
     * the next start ({@link #isCurrentShape}).
     */
    public static final int SHAPE_VERSION = 2;

    private static final String SHAPE_PREFIX = "shape-" + SHAPE_VERSION + ":";

    /** The version string stored with a rebuilt index: the document shape and the catalog version. */
    public static String indexVersion(String catalogVersion) {
        return SHAPE_PREFIX + catalogVersion;
    }

    /** Whether an index stored under {@code storedVersion} holds documents of this build's shape. */
    public static boolean isCurrentShape(String storedVersion) {
        return storedVersion != null && storedVersion.startsWith(SHAPE_PREFIX);
    }

    public static IndexedProduct of(IndexableProduct product) {
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
        String categoryName = nullToEmpty(product.categoryName());
        boolean branded = product.brand() != null && !product.brand().isBlank();
        return new IndexedProduct(
                product.id().toString(),
                nullToEmpty(product.title()),
                nullToEmpty(product.description()),
                List.copyOf(path),
                categoryName + " " + String.join(" ", path).replace('-', ' '),
                slug.isEmpty() ? null : slug,
                slug.isEmpty() ? null : categoryName.isBlank() ? slug : categoryName.strip(),
                branded ? product.brand() : null,
                branded ? RelevanceRules.brandKey(product.brand()) : null,
                branded ? product.brand().strip() : null,
                product.price() == null
                        ? null
                        : RelevanceRules.cents(product.price().amount()),
                product.rating() == null ? 0 : RelevanceRules.hundredths(product.rating()),
                product.reviewCount(),
                product.popularity(),
                product.createdAt() == null ? 0 : product.createdAt().toEpochMilli());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
