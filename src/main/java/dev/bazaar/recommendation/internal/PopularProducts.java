package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.recommendation.internal.RecommendationViews.ProductView;
import dev.bazaar.recommendation.internal.RecommendationViews.Recommendation;
import dev.bazaar.recommendation.internal.RecommendationViews.Recommendations;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>The ranking is computed at most once a {@link #RANKING_LIFETIME} and shared by every request. Only the
 * {@link #RANKED} products with the most activity get a card and a final score: the rating adds at most 1 (0.2 × 5)
 * to a score, so a product further down the activity ranking could only overtake one of them by less than that.
 */
@Service
class PopularProducts {

    static final Duration RANKING_LIFETIME = Duration.ofMinutes(1);
    static final int RANKED = 5000;

    private final BehaviourStore behaviours;
    private final ProductCatalog catalog;
    private final RecommendationProperties.Popular settings;
    private final PopularityScore score = new PopularityScore(PopularityScore.Weights.SEED);
    private final Clock clock = Clock.systemUTC();

    private volatile Ranking ranking;

    PopularProducts(BehaviourStore behaviours, ProductCatalog catalog, RecommendationProperties properties) {
        this.behaviours = behaviours;
        this.catalog = catalog;
        this.settings = properties.popular();
    }

    /** Active products by descending popularity score, with their cards. */
    record Ranking(List<ScoredItem<UUID>> items, Map<UUID, ProductCard> cards, Instant computedAt) {

        List<ScoredItem<UUID>> inCategory(String category) {
            return category == null
                    ? items
                    : items.stream()
                            .filter(item ->
                                    category.equals(cards.get(item.item()).category()))
                            .toList();
        }
    }

    /** The most popular active products, of {@code category} (a category slug) when given. */
    Recommendations top(String category, int limit) {
        Ranking current = ranking();
        String reason = category == null
                ? "Popular right now"
                : "Popular in " + catalog.categoryName(category).orElse(category);
        List<Recommendation> recommendations = current.inCategory(category).stream()
                .limit(limit)
                .map(item -> new Recommendation(ProductView.of(current.cards().get(item.item())), item.score(), reason))
                .toList();
        return new Recommendations(recommendations, "popular", current.computedAt());
    }

    /** The current ranking, recomputed when older than its lifetime. */
    Ranking ranking() {
        Ranking current = ranking;
        if (current == null || current.computedAt().plus(RANKING_LIFETIME).isBefore(clock.instant())) {
            synchronized (this) {
                if (ranking == current) {
                    ranking = compute();
                }
                current = ranking;
            }
        }
        return current;
    }

    /** Forgets the ranking, so the next request computes it from the behaviour recorded so far. */
    void invalidate() {
        ranking = null;
    }

    private Ranking compute() {
        List<BehaviourStore.Counts> counts = new ArrayList<>(behaviours.counts(settings.window()));
        counts.sort(Comparator.comparingDouble((BehaviourStore.Counts c) -> score.score(c.views(), c.purchases(), 0))
                .reversed());
        Map<UUID, BehaviourStore.Counts> countsById = counts.stream()
                .limit(RANKED)
                .collect(Collectors.toMap(BehaviourStore.Counts::productId, Function.identity()));
        Map<UUID, ProductCard> cards = catalog.cards(new ArrayList<>(countsById.keySet())).stream()
                .collect(Collectors.toMap(ProductCard::id, Function.identity()));
        List<PopularityScore.Activity<UUID>> activities = cards.values().stream()
                .map(card -> {
                    BehaviourStore.Counts c = countsById.get(card.id());
                    return new PopularityScore.Activity<>(
                            card.id(),
                            card.category(),
                            c.views(),
                            c.purchases(),
                            card.rating() == null ? 0 : card.rating().doubleValue());
                })
                .toList();
        return new Ranking(score.top(activities, activities.size()), Map.copyOf(cards), clock.instant());
    }
}
