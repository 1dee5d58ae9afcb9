package dev.bazaar.recommendation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Recommendation settings ({@code bazaar.recommendation.*}). */
@ConfigurationProperties("bazaar.recommendation")
record RecommendationProperties(
        @DefaultValue Fbt fbt, @DefaultValue Popular popular) {

    /**
     * "Frequently bought together" rules. A pair must be in at least {@code minCount} baskets and in at least
     * {@code minSupport} of all baskets (so a small store is governed by the count, a large one by the share);
     * {@code minConfidence} is the share of the product's baskets that also hold the other. Rules are mined
     * from the orders of the last {@code window}, every {@code refreshEvery} and on demand once older than
     * that.
     */
    record Fbt(
            @DefaultValue("0") double minSupport,
            @DefaultValue("2") int minCount,
            @DefaultValue("0.1") double minConfidence,
            @DefaultValue("365d") Duration window,
            @DefaultValue("10m") Duration refreshEvery) {}

    /** Popularity counts views and purchases over the last {@code window}. */
    record Popular(@DefaultValue("30d") Duration window) {}
}
