package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.SearchEngine;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The Lucene sort of each result order. Every one ends with popularity and then the id, so ties are stable;
 * relevance puts the rating between them.
 */
final class ResultSorts {

    private ResultSorts() {}

    static Sort of(SearchEngine.Sort order, boolean browsing) {
        SearchEngine.Sort effective = order == null ? SearchEngine.Sort.RELEVANCE : order;
        return switch (effective) {
            // without query text every score is equal, so relevance means popularity; equal scores go by
            // popularity, then rating, then id
            case RELEVANCE ->
                browsing
                        ? new Sort(popularity(), rating(), id())
                        : new Sort(SortField.FIELD_SCORE, popularity(), rating(), id());
            case PRICE_ASC -> new Sort(number(IndexFields.PRICE_CENTS, false), popularity(), id());
            case PRICE_DESC -> new Sort(number(IndexFields.PRICE_CENTS, true), popularity(), id());
            case RATING_DESC ->
                new Sort(
                        number(IndexFields.RATING_HUNDREDTHS, true),
                        number(IndexFields.REVIEW_COUNT, true),
                        popularity(),
                        id());
            case NEWEST -> new Sort(number(IndexFields.CREATED_MILLIS, true), popularity(), id());
        };
    }

    static SortField rating() {
        return number(IndexFields.RATING_HUNDREDTHS, true);
    }

    static SortField popularity() {
        return number(IndexFields.POPULARITY, true);
    }

    /** Always the last sort field: hits are read back from its value. */
    static SortField id() {
        return new SortField(IndexFields.ID_SORT, SortField.Type.STRING);
    }

    private static SortField number(String field, boolean descending) {
        SortField sortField = new SortField(field, SortField.Type.LONG, descending);
        sortField.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE); // products without one go last
        return sortField;
    }
}
