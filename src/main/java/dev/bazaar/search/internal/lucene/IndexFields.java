package dev.bazaar.search.internal.lucene;

/** Names of the index fields one product document is made of. */
final class IndexFields {

    /** Keyword used to replace or delete a product's document. */
    static final String ID = "id";

    /**
     * Doc values copy of the id. It is the last key of every sort, which makes orders deterministic and lets hits
     * be read back from the sort values without touching stored fields.
     */
    static final String ID_SORT = "id_sort";

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String CATEGORY_TEXT = "category";
    static final String BRAND_TEXT = "brand";

    /** Edge n-grams of the title's words, for autocomplete. */
    static final String SUGGEST = "suggest";

    /** Title and description as whole unstemmed words, the vocabulary of "did you mean". */
    static final String SPELLING = "spelling";

    /** Every slug from the root category down to the product's own, so a parent category filter finds children. */
    static final String CATEGORY_PATH = "category_path";

    /** Lower-cased brand, for the case-insensitive brand filter. */
    static final String BRAND_KEY = "brand_key";

    /** Facet values are {@code value + FACET_SEPARATOR + label}, so counting needs no lookup of display names. */
    static final String CATEGORY_FACET = "category_facet";

    static final String BRAND_FACET = "brand_facet";
    static final char FACET_SEPARATOR = '\u001f';

    // Numeric fields carry points (range filters, sort pruning) and doc values (sorting, facets) under one name.
    static final String PRICE_CENTS = "price_cents";
    static final String RATING_HUNDREDTHS = "rating_hundredths";
    static final String REVIEW_COUNT = "review_count";
    static final String POPULARITY = "popularity";
    static final String CREATED_MILLIS = "created_millis";

    private IndexFields() {}
}
