package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.platform.Money;
import dev.bazaar.recommendation.internal.algorithms.ContentCandidates;
import dev.bazaar.recommendation.internal.algorithms.Interactions;
import dev.bazaar.recommendation.internal.algorithms.ItemSimilarity;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import dev.bazaar.recommendation.internal.algorithms.UserSimilarity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Trains the {@link RecommendationModel} from the behaviour log: every signed-in user's behaviour of the window
 * becomes a weighted user × product matrix ({@link Weights}), from which item-to-item and user-to-user
 * similarities are computed (sparse, seconds for the Online Retail history), and the products of the matrix get
 * their content features from the catalog.
 */
@Service
class ModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

    /** Products content-based filtering scores per request, the most interacted-with ones; the model knows these. */
    static final int CONTENT_CANDIDATES = 5000;

    private static final int CARD_BATCH = 1000;

    private final BehaviourStore behaviours;
    private final ProductCatalog catalog;
    private final RecommendationProperties.Model settings;
    private final Weights weights;
    private final Clock clock = Clock.systemUTC();

    private volatile RecommendationModel model = RecommendationModel.empty();

    ModelTrainer(
            BehaviourStore behaviours, ProductCatalog catalog, RecommendationProperties properties, Weights weights) {
        this.behaviours = behaviours;
        this.catalog = catalog;
        this.settings = properties.model();
        this.weights = weights;
    }

    /** A card's content features ({@link #features(UUID, String, String, Money)}). */
    static ProductFeatures<UUID> features(ProductCard card) {
        return features(card.id(), card.category(), card.brand(), card.price());
    }

    /** A product's content features; a product without a brand or category counts as the brand (category) "". */
    static ProductFeatures<UUID> features(UUID id, String category, String brand, Money price) {
        return new ProductFeatures<>(id, category == null ? "" : category, brand == null ? "" : brand, price.amount());
    }

    RecommendationModel current() {
        return model;
    }

    /** Trains a new model and makes it current. Serialised: two trainings at once would only waste the CPU. */
    synchronized RecommendationModel train() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Interactions.Builder<UUID, UUID> matrix = Interactions.builder();
        behaviours.forEachSince(now.minus(settings.window()), row -> {
            double weight = weights.of(row);
            if (weight > 0) {
                matrix.add(row.userId(), row.productId(), weight);
            }
        });
        Interactions<UUID, UUID> interactions = matrix.build();
        ItemSimilarity<UUID> items = ItemSimilarity.train(interactions, ItemSimilarity.Settings.defaults());
        UserSimilarity<UUID, UUID> users = UserSimilarity.train(interactions, UserSimilarity.Settings.defaults());

        // Only the most interacted-with products get their features read now (one catalog read each); explanations
        // of any other product read the catalog when needed (ProductFacts).
        List<UUID> ids = interactions.items().stream()
                .sorted(Comparator.comparingInt(interactions::userCountOf).reversed())
                .limit(CONTENT_CANDIDATES)
                .toList();
        Map<UUID, RecommendationModel.Product> products = new HashMap<>();
        List<ProductFeatures<UUID>> candidates = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CARD_BATCH) {
            for (ProductCard card : catalog.cards(ids.subList(from, Math.min(ids.size(), from + CARD_BATCH)))) {
                RecommendationModel.Product product = new RecommendationModel.Product(features(card), card.title());
                products.put(card.id(), product);
                candidates.add(product.features());
            }
        }
        // trainedAt is when the model becomes current: every list computed before then used an older model
        model = new RecommendationModel(
                items,
                users,
                Map.copyOf(products),
                ContentCandidates.of(candidates),
                interactions.size(),
                clock.instant());
        log.info(
                "Trained recommendation models: {} users × {} products, {} interactions, in {} ms",
                interactions.userCount(),
                interactions.itemCount(),
                interactions.size(),
                (System.nanoTime() - started) / 1_000_000);
        return model;
    }
}
