package dev.bazaar.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product's rating summary as the catalog stores and shows it: the number of reviews and the mean of their 1–5
 * star ratings with two decimals, rounded half up (4.125 → 4.13); 0.00 when there are no reviews.
 */
public record RatingSummary(BigDecimal average, int count) {

    public static final RatingSummary NONE = new RatingSummary(BigDecimal.ZERO.setScale(2), 0);

    public RatingSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        average = average.setScale(2, RoundingMode.HALF_UP);
        if (average.signum() < 0 || average.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new IllegalArgumentException("average must be between 0 and 5");
        }
    }

    /** The summary of {@code count} ratings adding up to {@code sum}. */
    public static RatingSummary of(long sum, int count) {
        if (count == 0) {
            return NONE;
        }
        return new RatingSummary(
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), count);
    }
}
