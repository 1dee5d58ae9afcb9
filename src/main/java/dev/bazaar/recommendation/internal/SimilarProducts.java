package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.catalog.RelatedProductsView;
import dev.bazaar.recommendation.internal.algorithms.ContentProfile;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Products similar to one product: first its item-to-item neighbours ("customers who bought this also bought"),
 * then, to fill the list, products of the same category and price range (content-based). Serves
 * {@code type=similar} and product details' related products, cached per product ({@code rec:product:{id}:similar})
 * until the next model training.
 */
@Service
class SimilarProducts implements RelatedProductsView {

    static final int LIST_SIZE = 20;

    private final ModelTrainer trainer;
    private final ProductCatalog catalog;
    private final Cache cache;

    SimilarProducts(ModelTrainer trainer, ProductCatalog catalog, CacheManager caches) {
        this.trainer = trainer;
        this.catalog = catalog;
        this.cache = caches.getCache(RecommendationService.CACHE);
    }

    static String key(UUID productId) {
        return "product:" + productId + ":similar"; // rec:product:{id}:similar in Redis
    }

    @Override
    public List<UUID> related(Subject product, int limit) {
        StoredRecommendations similar = cache.get(key(product.id()), () -> {
            RecommendationModel model = trainer.current();
            // as ProductFacts.features, the model's first; else what the catalog has just read, not read again
            return compute(
                    model,
                    product.id(),
                    () -> model.product(product.id())
                            .map(RecommendationModel.Product::features)
                            .or(() -> Optional.of(ModelTrainer.features(
                                    product.id(), product.category(), product.brand(), product.price()))),
                    product::title);
        });
        return similar.items().stream()
                .limit(limit)
                .map(StoredRecommendations.Item::productId)
                .toList();
    }

    StoredRecommendations similar(UUID productId) {
        return cache.get(key(productId), () -> {
            RecommendationModel model = trainer.current();
            ProductFacts facts = new ProductFacts(model, catalog);
            return compute(model, productId, () -> facts.features(productId), () -> facts.title(productId));
        });
    }

    private static StoredRecommendations compute(
            RecommendationModel model,
            UUID productId,
            Supplier<Optional<ProductFeatures<UUID>>> productFeatures,
            Supplier<String> title) {
        List<StoredRecommendations.Item> items = new ArrayList<>();
        Set<UUID> taken = new HashSet<>(Set.of(productId));
        if (model.isTrained()) {
            for (ScoredItem<UUID> neighbour : model.items().neighbours(productId)) {
                if (items.size() < LIST_SIZE && taken.add(neighbour.item())) {
                    items.add(new StoredRecommendations.Item(
                            neighbour.item(), neighbour.score(), "Customers who bought this also bought"));
                }
            }
        }
        if (items.size() < LIST_SIZE) {
            Optional<ProductFeatures<UUID>> features = productFeatures.get();
            if (features.isPresent()) {
                String reason = "Similar to " + title.get();
                ContentProfile.fromHistory(List.of(features.get()), ContentProfile.Settings.defaults())
                        .recommend(model.contentCandidates(), LIST_SIZE, taken)
                        .stream()
                        .limit(LIST_SIZE - items.size())
                        .forEach(item -> items.add(new StoredRecommendations.Item(item.item(), item.score(), reason)));
            }
        }
        return new StoredRecommendations(List.copyOf(items), Instant.now());
    }
}
