package dev.bazaar.review.internal;

import java.util.Arrays;
import java.util.Optional;

/** The orders of a product's review list; each ends in the same tie-breakers, so pages never overlap. */
enum ReviewSort {
    NEWEST("newest", "created_at DESC, id DESC"),
    HELPFUL("helpful", "helpful_count DESC, created_at DESC, id DESC"),
    RATING("rating", "rating DESC, created_at DESC, id DESC");

    final String parameter;
    final String orderBy;

    ReviewSort(String parameter, String orderBy) {
        this.parameter = parameter;
        this.orderBy = orderBy;
    }

    static Optional<ReviewSort> fromParameter(String value) {
        return Arrays.stream(values())
                .filter(sort -> sort.parameter.equals(value))
                .findFirst();
    }
}
