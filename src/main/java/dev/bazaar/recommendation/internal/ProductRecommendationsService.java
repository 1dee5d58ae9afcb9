package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.recommendation.ProductRecommendations;
import dev.bazaar.recommendation.internal.RecommendationViews.Recommendation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** {@link ProductRecommendations} over the services behind the recommendation endpoints. */
@Service
class ProductRecommendationsService implements ProductRecommendations {

    private final RecommendationService recommendations;
    private final FrequentlyBoughtTogether boughtTogether;
    private final ProductCatalog catalog;

    ProductRecommendationsService(
            RecommendationService recommendations, FrequentlyBoughtTogether boughtTogether, ProductCatalog catalog) {
        this.recommendations = recommendations;
        this.boughtTogether = boughtTogether;
        this.catalog = catalog;
    }

    @Override
    public List<Recommended> forShopper(Optional<UUID> userId, int limit) {
        return withCards(recommendations
                .recommend(userId, RecommendationType.PERSONALIZED, null, null, limit)
                .recommendations());
    }

    @Override
    public List<Recommended> popular(String category, int limit) {
        return withCards(recommendations
                .recommend(Optional.empty(), RecommendationType.POPULAR, null, category, limit)
                .recommendations());
    }

    @Override
    public List<Recommended> similar(UUID productId, int limit) {
        return withCards(recommendations
                .recommend(Optional.empty(), RecommendationType.SIMILAR, productId, null, limit)
                .recommendations());
    }

    @Override
    public List<BoughtTogether> boughtTogether(UUID productId, int limit) {
        List<FrequentlyBoughtTogether.Suggestion> suggestions =
                boughtTogether.forProduct(productId, limit).products();
        Map<UUID, ProductCard> cards = cards(suggestions.stream()
                .map(FrequentlyBoughtTogether.Suggestion::id)
                .toList());
        return suggestions.stream()
                .filter(suggestion -> cards.containsKey(suggestion.id()))
                .map(suggestion -> new BoughtTogether(cards.get(suggestion.id()), suggestion.confidence()))
                .toList();
    }

    private List<Recommended> withCards(List<Recommendation> list) {
        Map<UUID, ProductCard> cards = cards(list.stream()
                .map(recommendation -> recommendation.product().id())
                .toList());
        return list.stream()
                .filter(recommendation ->
                        cards.containsKey(recommendation.product().id()))
                .map(recommendation -> new Recommended(
                        cards.get(recommendation.product().id()), recommendation.score(), recommendation.reason()))
                .toList();
    }

    private Map<UUID, ProductCard> cards(List<UUID> ids) {
        return catalog.cards(ids).stream().collect(Collectors.toMap(ProductCard::id, Function.identity()));
    }
}
