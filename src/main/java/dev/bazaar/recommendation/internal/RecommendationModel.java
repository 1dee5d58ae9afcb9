package dev.bazaar.recommendation.internal;

import dev.bazaar.recommendation.internal.algorithms.ContentCandidates;
import dev.bazaar.recommendation.internal.algorithms.ItemSimilarity;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import dev.bazaar.recommendation.internal.algorithms.UserSimilarity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One training of the collaborative and content models over the behaviour log: immutable, replaced whole by
 * {@link ModelTrainer}, so a request reads one consistent model without locks.
 *
 * @param items item-to-item similarities (each product's nearest neighbours)
 * @param users user-to-user similarities over the same matrix
 * @param products what content-based filtering and explanations know of the most interacted-with active products
 * @param contentCandidates the products content-based filtering scores, the most interacted-with first, by category
 */
record RecommendationModel(
        ItemSimilarity<UUID> items,
        UserSimilarity<UUID, UUID> users,
        Map<UUID, Product> products,
        ContentCandidates<UUID> contentCandidates,
        int interactions,
        Instant trainedAt) {

    /** A product as the models see it. */
    record Product(ProductFeatures<UUID> features, String title) {}

    static RecommendationModel empty() {
        return new RecommendationModel(null, null, Map.of(), ContentCandidates.empty(), 0, Instant.EPOCH);
    }

    boolean isTrained() {
        return items != null;
    }

    Optional<Product> product(UUID id) {
        return Optional.ofNullable(products.get(id));
    }
}
