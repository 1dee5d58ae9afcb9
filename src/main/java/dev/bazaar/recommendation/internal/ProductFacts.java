package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one computation needs to know of products (features, titles, category names), from the model when it knows
 * the product, else from the catalog, remembered for the computation's duration. Not shared between threads.
 */
final class ProductFacts {

    private final RecommendationModel model;
    private final ProductCatalog catalog;
    private final Map<UUID, Optional<ProductCard>> cards = new HashMap<>();
    private final Map<String, String> categoryNames = new HashMap<>();

    ProductFacts(RecommendationModel model, ProductCatalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    Optional<ProductFeatures<UUID>> features(UUID id) {
        return model.product(id)
                .map(RecommendationModel.Product::features)
                .or(() -> card(id).map(ModelTrainer::features));
    }

    String title(UUID id) {
        return model.product(id)
                .map(RecommendationModel.Product::title)
                .or(() -> card(id).map(ProductCard::title))
                .orElse("a product you bought");
    }

    /** The category's display name (for reasons, and as the unit of diversity). */
    String categoryName(UUID id) {
        String slug = features(id).map(ProductFeatures::category).orElse("");
        return categoryNames.computeIfAbsent(slug, s -> catalog.categoryName(s).orElse(s));
    }

    private Optional<ProductCard> card(UUID id) {
        return cards.computeIfAbsent(id, catalog::card);
    }
}
