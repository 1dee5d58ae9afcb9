package dev.bazaar.recommendation.internal.algorithms;

/**
 * How an interaction's accumulated weight (purchase count, quantity, rating) enters a similarity. Purchase counts
 * are heavy-tailed (a wholesaler reorders one item fifty times), so raw counts let a few repeat items dominate a
 * cosine; binary and log weights keep "bought it" as the main signal.
 */
public enum Weighting {
    /** 1 for any interaction. */
    BINARY,
    /** The weight as given (ratings in the seed's example). */
    RAW,
    /** 1 + ln(weight) for weights of at least 1: repeated purchases count, with diminishing returns. */
    LOG;

    double apply(double weight) {
        return switch (this) {
            case BINARY -> 1.0;
            case RAW -> weight;
            case LOG -> weight >= 1.0 ? 1.0 + Math.log(weight) : weight;
        };
    }
}
