package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of {@code GET /api/v1/recommendations}, in the design's shape. */
final class RecommendationViews {

    private RecommendationViews() {}

    record ProductView(UUID id, String title, BigDecimal price, BigDecimal rating, String imageUrl) {

        static ProductView of(ProductCard card) {
            return new ProductView(card.id(), card.title(), card.price().amount(), card.rating(), card.imageUrl());
        }
    }

    record Recommendation(ProductView product, double score, String reason) {}

    record Recommendations(List<Recommendation> recommendations, String type, Instant generatedAt) {}
}
