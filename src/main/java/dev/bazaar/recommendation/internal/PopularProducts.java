package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Popular products: the seed's score (views × 0.3 + purchases × 0.5 + rating × 0.2, {@link PopularityScore})
 * over the views and purchases recorded in the window, with each active product's rating from the catalog;
 * overall, or within one category.
 */
@Service
class PopularProducts {

    private final Behaviours behaviours;
    private final ProductCatalog catalog;
    private final RecommendationProperties.Popular settings;
    private final PopularityScore score = new PopularityScore(PopularityScore.Weights.SEED);

    PopularProducts(Behaviours behaviours, ProductCatalog catalog, RecommendationProperties properties) {
        this.behaviours = behaviours;
        this.catalog = catalog;
        this.settings = properties.popular();
    }

    record ProductView(UUID id, String title, BigDecimal price, BigDecimal rating, String imageUrl) {}

    record Recommendation(ProductView product, double score, String reason) {}

    record Recommendations(List<Recommendation> recommendations, String type, Instant generatedAt) {}

    /** The most popular active products, of {@code category} (a category slug) when given. */
    Recommendations top(String category, int limit) {
        List<Behaviours.Counts> counts = behaviours.counts(settings.window());
        Map<UUID, Behaviours.Counts> countsById =
                counts.stream().collect(Collectors.toMap(Behaviours.Counts::productId, Function.identity()));
        List<ProductCard> cards = catalog.cards(new ArrayList<>(countsById.keySet()));
        Map<UUID, ProductCard> cardsById = cards.stream()
                .filter(card -> category == null || category.equals(card.category()))
                .collect(Collectors.toMap(ProductCard::id, Function.identity()));
        List<PopularityScore.Activity<UUID>> activities = cardsById.values().stream()
                .map(card -> {
                    Behaviours.Counts c = countsById.get(card.id());
                    return new PopularityScore.Activity<>(
                            card.id(),
                            card.category(),
                            c.views(),
                            c.purchases(),
                            card.rating() == null ? 0 : card.rating().doubleValue());
                })
                .toList();
        String reason = category == null ? "Popular right now" : "Popular in " + category;
        List<Recommendation> recommendations = new ArrayList<>();
        for (ScoredItem<UUID> item : score.top(activities, limit)) {
            ProductCard card = cardsById.get(item.item());
            recommendations.add(new Recommendation(
                    new ProductView(
                            card.id(),
                            card.title(),
                            card.price(),
                            card.rating(),
                            card.imageUrls() == null || card.imageUrls().isEmpty()
                                    ? null
                                    : card.imageUrls().getFirst()),
                    item.score(),
                    reason));
        }
        return new Recommendations(recommendations, "popular", Instant.now());
    }
}
