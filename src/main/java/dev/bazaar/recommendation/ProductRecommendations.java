package dev.bazaar.recommendation;

import dev.bazaar.catalog.ProductCard;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recommendations as the storefront shows them: the same lists as {@code GET /recommendations} and
 * {@code /products/{id}/frequently-bought-together}, with each product's current card.
 */
public interface ProductRecommendations {

    /** The signed-in shopper's personalized list (each with its reason); a visitor's is the popular list. */
    List<Recommended> forShopper(Optional<UUID> userId, int limit);

    /** The most popular products, in one category (slug, with its subcategories) or all when null. */
    List<Recommended> popular(String category, int limit);

    /** Products like this one (content-based). */
    List<Recommended> similar(UUID productId, int limit);

    /** Products often in the same orders as this one, strongest rule first. */
    List<BoughtTogether> boughtTogether(UUID productId, int limit);

    record Recommended(ProductCard product, double score, String reason) {}

    /** {@code confidence}: the share of this product's orders that also hold the other. */
    record BoughtTogether(ProductCard product, double confidence) {}
}
