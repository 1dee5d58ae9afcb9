package dev.bazaar.recommendation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Recommendation settings ({@code bazaar.recommendation.*}). */
@ConfigurationProperties("bazaar.recommendation")
record RecommendationProperties(
        @DefaultValue Fbt fbt,
        @DefaultValue Popular popular,
        @DefaultValue Model model,
        @DefaultValue Serving serving,
        @DefaultValue Views views,
        @DefaultValue Blend blend) {

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

    /**
     * The collaborative and content models, trained from the behaviour of the last {@code window} every
     * {@code refreshEvery}. Each behaviour adds its weight to the user × product matrix: a purchase (per order)
     * {@code purchase}, an addition to the cart {@code addToCart}, a view {@code view}, a review of 4 or 5 stars
     * {@code goodReview} (lower ratings add nothing). A user's history weighs each product by how recently they
     * touched it, halving every {@code historyHalfLife}.
     */
    record Model(
            @DefaultValue("365d") Duration window,
            @DefaultValue("10m") Duration refreshEvery,
            @DefaultValue("1.0") double purchase,
            @DefaultValue("0.5") double addToCart,
            @DefaultValue("0.2") double view,
            @DefaultValue("1.0") double goodReview,
            @DefaultValue("30d") Duration historyHalfLife) {}

    /**
     * Serving: each user's lists are computed ({@code listSize} products per type) and stored; new behaviour of a
     * user marks them stale, to be computed on the user's next read; after each model training the lists of the
     * {@code precomputeUsers} most recently active users are computed ahead of their next visit.
     */
    record Serving(
            @DefaultValue("50") int listSize,
            @DefaultValue("10000") int precomputeUsers) {}

    /**
     * The personalized blend: each source's weight (its scores are first divided by its best score), and the most
     * places one category may take. The defaults were chosen on a validation month of Online Retail
     * (docs/recommendations.md). The collaborative and content-based types use their own sources alone.
     */
    record Blend(
            @DefaultValue("1.0") double userBased,
            @DefaultValue("1.0") double itemBased,
            @DefaultValue("0.2") double boughtTogether,
            @DefaultValue("0.2") double contentBased,
            @DefaultValue("0.5") double popular,
            @DefaultValue("3") int maxPerCategory) {}

    /** Product views are queued in memory (at most {@code bufferSize}) and stored in batches of {@code batchSize}. */
    record Views(
            @DefaultValue("100000") int bufferSize,
            @DefaultValue("5000") int batchSize) {}
}
