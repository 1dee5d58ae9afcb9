package dev.bazaar.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What product details show of a product's reviews: the first page of reviews (newest first) and how many reviews
 * gave each number of stars. {@code reviews} are serialised as they are, in the shape of the review module's own
 * review list; {@code histogram} has the keys 1 to 5, each with a count (0 when none).
 */
public record ReviewsPreview(List<?> reviews, Map<Integer, Long> histogram) {

    public ReviewsPreview {
        reviews = List.copyOf(reviews);
        TreeMap<Integer, Long> complete = new TreeMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            complete.put(stars, histogram.getOrDefault(stars, 0L));
        }
        histogram = Collections.unmodifiableSortedMap(complete);
    }

    /** No reviews (or no review module). */
    public static ReviewsPreview none() {
        return new ReviewsPreview(List.of(), Map.of());
    }
}
