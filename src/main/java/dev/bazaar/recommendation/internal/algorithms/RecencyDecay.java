package dev.bazaar.recommendation.internal.algorithms;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential decay of an interaction's weight with its age: 1 now, 1/2 one half-life ago, 1/4 two half-lives
 * ago. Shoppers' interests move (seasons, new ranges), and on Online Retail the recency of a purchase predicts the
 * next purchases better than how often the product was bought (docs/recommendations.md).
 */
public record RecencyDecay(Duration halfLife) {

    public RecencyDecay {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the half-life must be positive");
        }
    }

    public static RecencyDecay ofDays(long days) {
        return new RecencyDecay(Duration.ofDays(days));
    }

    /** 0.5^(age / half-life); an interaction dated after {@code now} weighs 1. */
    public double weight(Instant at, Instant now) {
        double age = Math.max(0, Duration.between(at, now).toMillis());
        return Math.pow(0.5, age / halfLife.toMillis());
    }
}
