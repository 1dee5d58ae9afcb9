package dev.bazaar.search.internal.lucene;

import dev.bazaar.search.internal.SearchEngine.SearchRequest;
import dev.bazaar.search.internal.engine.FilterValues;
import dev.bazaar.search.internal.engine.FilterValues.Facet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The non-scoring restrictions of a request ({@link FilterValues}) as Lucene queries. Each facet is counted with every filter but its own, so they can be
 * applied all together or with one left out.
 */
record RequestFilters(Query category, Query brand, Query price, Query rating) {

    static RequestFilters of(SearchRequest request) {
        FilterValues values = FilterValues.of(request);
        Query category = values.categorySlug() == null
                ? null
                : new TermQuery(new Term(IndexFields.CATEGORY_PATH, values.categorySlug()));
        Query brand =
                values.brandKey() == null ? null : new TermQuery(new Term(IndexFields.BRAND_KEY, values.brandKey()));
        Query price = atLeastAtMost(IndexFields.PRICE_CENTS, values.minPriceCents(), values.maxPriceCents());
        Query rating = atLeastAtMost(IndexFields.RATING_HUNDREDTHS, values.minRatingHundredths(), null);
        return new RequestFilters(category, brand, price, rating);
    }

    boolean restricts(Facet facet) {
        return switch (facet) {
            case CATEGORY -> category != null;
            case BRAND -> brand != null;
            case PRICE -> price != null;
        };
    }

    Query applyTo(Query query) {
        return applyTo(query, null);
    }

    /** {@code query} restricted by every filter except {@code ignored}'s own ({@code null} ignores none). */
    Query applyTo(Query query, Facet ignored) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
        boolean any = false;
        if (category != null && ignored != Facet.CATEGORY) {
            filtered.add(category, Occur.FILTER);
            any = true;
        }
        if (brand != null && ignored != Facet.BRAND) {
            filtered.add(brand, Occur.FILTER);
            any = true;
        }
        if (price != null && ignored != Facet.PRICE) {
            filtered.add(price, Occur.FILTER);
            any = true;
        }
        if (rating != null) {
            filtered.add(rating, Occur.FILTER);
            any = true;
        }
        return any ? filtered.build() : query;
    }

    private static Query atLeastAtMost(String field, Long min, Long max) {
        if (min == null && max == null) {
            return null;
        }
        long lower = min == null ? Long.MIN_VALUE : min;
        long upper = max == null ? Long.MAX_VALUE : max;
        return new IndexOrDocValuesQuery(
                LongPoint.newRangeQuery(field, lower, upper),
                NumericDocValuesField.newSlowRangeQuery(field, lower, upper));
    }
}
