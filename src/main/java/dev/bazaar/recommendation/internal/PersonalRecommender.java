package dev.bazaar.recommendation.internal;

import dev.bazaar.cart.Carts;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.recommendation.internal.algorithms.Blender;
import dev.bazaar.recommendation.internal.algorithms.Blender.Source;
import dev.bazaar.recommendation.internal.algorithms.ContentProfile;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import dev.bazaar.recommendation.internal.algorithms.RecencyDecay;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Computes one user's list of a per-user type from their live history (so behaviour newer than the model already
 * counts) and the current model:
 *
 * <ul>
 *   <li>personalized: user-based and item-to-item collaborative filtering, frequently bought together,
 *       content-based and popular, blended with the configured weights ({@code bazaar.recommendation.blend.*});
 *   <li>collaborative: the two collaborative filters only;
 *   <li>content-based: the user's category, brand and price profile only.
 * </ul>
 *
 * Products the user bought or has in the cart never appear; no category takes more than three places (by default) while others
 * have candidates; a user none of the sources knows anything for gets the popular list.
 */
@Service
class PersonalRecommender {

    private final ModelTrainer trainer;
    private final BehaviourStore behaviours;
    private final FrequentlyBoughtTogether boughtTogether;
    private final PopularProducts popular;
    private final ProductCatalog catalog;
    private final Carts carts;
    private final Weights weights;
    private final RecommendationProperties.Model settings;
    private final RecencyDecay decay;
    private final Map<RecommendationType, Blender.Settings> blends;
    private final Clock clock = Clock.systemUTC();

    PersonalRecommender(
            ModelTrainer trainer,
            BehaviourStore behaviours,
            FrequentlyBoughtTogether boughtTogether,
            PopularProducts popular,
            ProductCatalog catalog,
            Carts carts,
            Weights weights,
            RecommendationProperties properties) {
        this.trainer = trainer;
        this.behaviours = behaviours;
        this.boughtTogether = boughtTogether;
        this.popular = popular;
        this.catalog = catalog;
        this.carts = carts;
        this.weights = weights;
        this.settings = properties.model();
        this.decay = new RecencyDecay(settings.historyHalfLife());
        RecommendationProperties.Blend blend = properties.blend();
        this.blends = Map.of(
                RecommendationType.PERSONALIZED,
                new Blender.Settings(
                        Map.of(
                                Source.USER_BASED, blend.userBased(),
                                Source.ITEM_BASED, blend.itemBased(),
                                Source.BOUGHT_TOGETHER, blend.boughtTogether(),
                                Source.CONTENT_BASED, blend.contentBased(),
                                Source.POPULAR, blend.popular()),
                        blend.maxPerCategory()),
                RecommendationType.COLLABORATIVE,
                new Blender.Settings(
                        Map.of(Source.USER_BASED, blend.userBased(), Source.ITEM_BASED, blend.itemBased()),
                        blend.maxPerCategory()),
                RecommendationType.CONTENT_BASED,
                new Blender.Settings(Map.of(Source.CONTENT_BASED, 1.0), blend.maxPerCategory()));
    }

    StoredRecommendations compute(UUID userId, RecommendationType type, int n) {
        if (!RecommendationType.PER_USER.contains(type)) {
            throw new IllegalArgumentException(type + " is not computed per user");
        }
        // the time first: a list is as new as the oldest model it may have been computed with
        Instant now = clock.instant();
        RecommendationModel model = trainer.current();
        ProductFacts facts = new ProductFacts(model, catalog);

        Map<UUID, Double> history = new LinkedHashMap<>();
        Set<UUID> exclude = new HashSet<>(carts.productsInCart(userId));
        for (BehaviourStore.Row row : behaviours.history(userId, now.minus(settings.window()))) {
            double weight = weights.of(row) * decay.weight(row.at(), now);
            if (weight > 0) {
                history.merge(row.productId(), weight, Double::sum);
            }
            if (row.type().equals("purchase")) {
                exclude.add(row.productId());
            }
        }

        int pool = 2 * n;
        Map<Source, List<ScoredItem<UUID>>> candidates = new EnumMap<>(Source.class);
        if (!history.isEmpty()) {
            if (model.isTrained() && type != RecommendationType.CONTENT_BASED) {
                candidates.put(Source.USER_BASED, model.users().recommend(history, pool, exclude));
                candidates.put(Source.ITEM_BASED, model.items().recommend(history, pool, exclude));
            }
            if (type == RecommendationType.PERSONALIZED) {
                candidates.put(Source.BOUGHT_TOGETHER, boughtTogether.boughtWith(history.keySet(), pool));
            }
            if (type != RecommendationType.COLLABORATIVE) {
                candidates.put(Source.CONTENT_BASED, contentBased(model, facts, history.keySet(), pool, exclude));
            }
        }
        candidates.put(
                Source.POPULAR,
                popular.ranking().items().stream()
                        .filter(item -> !exclude.contains(item.item()))
                        .limit(pool)
                        .toList());

        Blender<UUID> blender = new Blender<>(blends.get(type), facts::title, facts::categoryName);
        List<StoredRecommendations.Item> items = blender.blend(candidates, exclude, n).stream()
                .map(blended -> new StoredRecommendations.Item(blended.item(), blended.score(), blended.reason()))
                .toList();
        return new StoredRecommendations(items, now);
    }

    private static List<ScoredItem<UUID>> contentBased(
            RecommendationModel model, ProductFacts facts, Set<UUID> history, int n, Set<UUID> exclude) {
        List<ProductFeatures<UUID>> liked =
                history.stream().map(facts::features).flatMap(Optional::stream).toList();
        if (liked.isEmpty()) {
            return List.of();
        }
        Set<UUID> skip = new HashSet<>(exclude);
        skip.addAll(history);
        return ContentProfile.fromHistory(liked, ContentProfile.Settings.defaults())
                .recommend(model.contentCandidates(), n, skip);
    }
}
