package dev.bazaar.recommendation.internal;

import org.springframework.stereotype.Component;

/** How much each kind of behaviour says about what a user likes (see {@link RecommendationProperties.Model}). */
@Component
class Weights {

    private final RecommendationProperties.Model settings;

    Weights(RecommendationProperties properties) {
        this.settings = properties.model();
    }

    double of(BehaviourStore.Row row) {
        return switch (row.type()) {
            case "purchase" -> settings.purchase();
            case "add_to_cart" -> settings.addToCart();
            case "view" -> settings.view();
            case "review" -> row.rating() >= 4 ? settings.goodReview() : 0;
            default -> 0;
        };
    }
}
