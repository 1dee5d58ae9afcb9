package dev.bazaar.recommendation.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A computed list of recommendations as stored ({@code user_recommendations}) and cached: product ids, not product
 * data, so that prices and titles shown are always the catalog's current ones.
 */
record StoredRecommendations(List<Item> items, Instant generatedAt) {

    record Item(UUID productId, double score, String reason) {}
}
