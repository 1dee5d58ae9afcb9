package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.platform.AfterCommit;
import dev.bazaar.platform.DomainException;
import dev.bazaar.recommendation.internal.RecommendationViews.ProductView;
import dev.bazaar.recommendation.internal.RecommendationViews.Recommendation;
import dev.bazaar.recommendation.internal.RecommendationViews.Recommendations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves recommendations. A user's list of a per-user type is read from the {@code recommendation} cache
 * ({@code rec:user:{userId}:type:{type}}, 1 hour), else from {@code user_recommendations} unless computed with an
 * older model than the current one, else computed on the spot and stored. New behaviour of the user deletes the lists
 * ({@link #markStale}), so the next read computes them; after a model training {@link RecommendationRefresher}
 * computes the most recently active users' lists ahead of their visit. Lists
 * hold product ids: the products shown are the catalog's current cards, active ones only.
 */
@Service
class RecommendationService {

    static final String CACHE = "recommendation";

    private final PersonalRecommender recommender;
    private final ModelTrainer trainer;
    private final UserRecommendationStore store;
    private final PopularProducts popular;
    private final SimilarProducts similar;
    private final ProductCatalog catalog;
    private final RecommendationProperties.Serving settings;
    private final Cache cache;
    private final BehaviourStore behaviours;
    private final TransactionTemplate transactions;

    RecommendationService(
            PersonalRecommender recommender,
            ModelTrainer trainer,
            UserRecommendationStore store,
            PopularProducts popular,
            SimilarProducts similar,
            ProductCatalog catalog,
            RecommendationProperties properties,
            CacheManager caches,
            BehaviourStore behaviours,
            TransactionTemplate transactions) {
        this.behaviours = behaviours;
        this.transactions = transactions;
        this.recommender = recommender;
        this.trainer = trainer;
        this.store = store;
        this.popular = popular;
        this.similar = similar;
        this.catalog = catalog;
        this.settings = properties.serving();
        this.cache = caches.getCache(CACHE);
    }

    static String key(UUID userId, RecommendationType type) {
        return "user:" + userId + ":type:" + type.value(); // rec:user:{userId}:type:{type} in Redis
    }

    /**
     * @param user the signed-in caller; a visitor gets the popular list for a per-user type
     * @param productId the product of {@code type=similar}
     * @param category a category slug narrowing {@code type=popular}
     */
    Recommendations recommend(
            Optional<UUID> user, RecommendationType type, UUID productId, String category, int limit) {
        return switch (type) {
            case POPULAR -> popular.top(category, limit);
            case SIMILAR -> {
                if (productId == null) {
                    throw DomainException.invalidField("productId", "is required for type=similar");
                }
                if (!catalog.isActive(productId)) {
                    throw DomainException.notFound("Product");
                }
                yield shown(similar.similar(productId), type, limit);
            }
            case PERSONALIZED, COLLABORATIVE, CONTENT_BASED ->
                user.isEmpty()
                        ? relabel(popular.top(null, limit), type)
                        : shown(forUser(user.get(), type), type, limit);
        };
    }

    StoredRecommendations forUser(UUID userId, RecommendationType type) {
        Instant trainedAt = trainer.current().trainedAt();
        StoredRecommendations cached = cache.get(key(userId, type), StoredRecommendations.class);
        if (cached != null && !cached.generatedAt().isBefore(trainedAt)) {
            return cached;
        }
        StoredRecommendations stored = store.find(userId, type).orElse(null);
        if (stored == null || stored.generatedAt().isBefore(trainedAt)) {
            return refresh(userId, type); // none yet, or computed with an older model; caches it
        }
        cache.put(key(userId, type), stored);
        return stored;
    }

    /** Computes and stores the user's list of this type, and caches it. */
    StoredRecommendations refresh(UUID userId, RecommendationType type) {
        StoredRecommendations list = recommender.compute(userId, type, settings.listSize());
        store.replace(userId, type, list);
        cache.put(key(userId, type), list);
        return list;
    }

    /**
     * Computes the user's list ahead of a visit (after a model training) and stores it, unless the user did something
     * while it was computed: then the list may already be stale (the cart item it suggests was just added), the
     * behaviour's mark has dropped the old one, and the next read computes it. Not cached: the cache fills on read.
     */
    void precompute(UUID userId, RecommendationType type) {
        long behaviourBefore = behaviours.countOf(userId);
        StoredRecommendations list = recommender.compute(userId, type, settings.listSize());
        transactions.executeWithoutResult(tx -> {
            store.lock(List.of(userId));
            if (behaviours.countOf(userId) == behaviourBefore) {
                store.replace(userId, type, list);
            }
        });
    }

    /**
     * Marks the users' lists stale after new behaviour: they are deleted in the caller's transaction and evicted once
     * it commits, so the next read of each computes it again (as for a user without lists). Computing them here
     * instead would cost every cart addition or product view a computation of lists the shopper may never read.
     */
    void markStale(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        store.lock(userIds);
        store.deleteLists(userIds);
        List<UUID> users = List.copyOf(userIds);
        AfterCommit.run(() ->
                users.forEach(user -> RecommendationType.PER_USER.forEach(type -> cache.evict(key(user, type)))));
    }

    /** Forgets every cached list (stored lists stay): after a model training, or an admin's refresh. */
    void clearCache() {
        cache.clear();
    }

    private Recommendations shown(StoredRecommendations list, RecommendationType type, int limit) {
        // more ids than shown, as products no longer for sale are dropped
        List<StoredRecommendations.Item> items =
                list.items().subList(0, Math.min(list.items().size(), limit * 2));
        Map<UUID, ProductCard> cards =
                catalog
                        .cards(items.stream()
                                .map(StoredRecommendations.Item::productId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ProductCard::id, Function.identity()));
        List<Recommendation> shown = new ArrayList<>();
        for (StoredRecommendations.Item item : items) {
            ProductCard card = cards.get(item.productId());
            if (card != null && shown.size() < limit) {
                shown.add(new Recommendation(ProductView.of(card), round(item.score()), item.reason()));
            }
        }
        return new Recommendations(shown, type.value(), list.generatedAt());
    }

    private static Recommendations relabel(Recommendations popularList, RecommendationType type) {
        return new Recommendations(popularList.recommendations(), type.value(), popularList.generatedAt());
    }

    /** Scores are relative ranks, not measurements: four decimals say all they can. */
    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
