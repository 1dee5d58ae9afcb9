package dev.bazaar.search.internal.opensearch;

/** Names of the fields of a product document in the OpenSearch index ({@code product-index-mappings.json}). */
final class IndexFields {

    static final String ID = "id";
    static final String TITLE = "title";

    /** Edge n-grams of the title's words (a {@code copy_to} of the title), for autocomplete. */
    static final String SUGGEST = "suggest";

    /** The title lower-cased with its spacing normalised: autocomplete collapses equal titles on it. */
    static final String TITLE_KEY = "title_key";

    static final String DESCRIPTION = "description";

    /** Title and description as whole unstemmed words (a {@code copy_to} of both), for "did you mean". */
    static final String SPELLING = "spelling";

    static final String CATEGORY_TEXT = "category";
    static final String BRAND_TEXT = "brand";

    /** Every slug from the root category down to the product's own, so a parent category filter finds children. */
    static final String CATEGORY_PATH = "category_path";

    static final String CATEGORY_SLUG = "category_slug";
    static final String CATEGORY_LABEL = "category_label";
    static final String BRAND_KEY = "brand_key";
    static final String BRAND_LABEL = "brand_label";

    static final String PRICE_CENTS = "price_cents";
    static final String RATING_HUNDREDTHS = "rating_hundredths";
    static final String REVIEW_COUNT = "review_count";
    static final String POPULARITY = "popularity";
    static final String CREATED_MILLIS = "created_millis";

    private IndexFields() {}
}
