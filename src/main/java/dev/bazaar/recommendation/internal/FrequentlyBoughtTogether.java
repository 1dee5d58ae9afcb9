package dev.bazaar.recommendation.internal;

import dev.bazaar.catalog.ProductCard;
import dev.bazaar.catalog.ProductCatalog;
import dev.bazaar.platform.DomainException;
import dev.bazaar.recommendation.internal.algorithms.AssociationRules;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * "Frequently bought together" on product pages: association rules {product} ⇒ other, mined with
 * {@link AssociationRules} over order baskets (the distinct products of each order's purchase rows), kept in
 * memory as each product's strongest consequents, recomputed with each model training ({@link RecommendationRefresher}) and on demand once stale. The
 * products shown (title, price, active only) are cached per product in the {@code recommendation} cache under
 * {@code product:{productId}:fbt}, cleared whenever the rules are recomputed.
 */
@Service
class FrequentlyBoughtTogether {

    static final int MAX_LIMIT = 20;
    private static final Logger log = LoggerFactory.getLogger(FrequentlyBoughtTogether.class);

    /** Consequents kept per product: more than shown, as inactive products are dropped when shown. */
    private static final int KEPT_PER_PRODUCT = 50;

    private final BehaviourStore behaviours;
    private final ProductCatalog catalog;
    private final RecommendationProperties.Fbt settings;
    private final Cache cache;
    private final Clock clock;

    private volatile Model model;

    FrequentlyBoughtTogether(
            BehaviourStore behaviours,
            ProductCatalog catalog,
            RecommendationProperties properties,
            CacheManager caches) {
        this.behaviours = behaviours;
        this.catalog = catalog;
        this.settings = properties.fbt();
        this.cache = caches.getCache("recommendation");
        this.clock = Clock.systemUTC();
    }

    record Suggestion(UUID id, String title, BigDecimal price, double confidence, double lift, double support) {}

    record Result(List<Suggestion> products) {}

    /** Pair rules of one product, strongest first. */
    private record Model(Map<UUID, List<AssociationRules.Rule<UUID>>> byProduct, int baskets, Instant computedAt) {}

    Result forProduct(UUID productId, int limit) {
        if (!catalog.isActive(productId)) {
            throw DomainException.notFound("Product");
        }
        Model current = current();
        String key = "product:" + productId + ":fbt"; // rec:product:{id}:fbt in Redis
        List<Suggestion> shown = cache.get(key, () -> shown(current, productId));
        return new Result(shown.subList(0, Math.min(limit, shown.size())));
    }

    /**
     * Products bought with any of {@code history}, by the confidence of their strongest rule, each naming the
     * history product of that rule; never a history product.
     */
    List<ScoredItem<UUID>> boughtWith(Collection<UUID> history, int n) {
        Model current = current();
        Map<UUID, ScoredItem<UUID>> best = new HashMap<>();
        for (UUID product : history) {
            for (AssociationRules.Rule<UUID> rule : current.byProduct().getOrDefault(product, List.of())) {
                UUID other = rule.consequent();
                ScoredItem<UUID> seen = best.get(other);
                if (!history.contains(other) && (seen == null || seen.score() < rule.confidence())) {
                    best.put(other, new ScoredItem<>(other, rule.confidence(), List.of(product)));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble((ScoredItem<UUID> item) -> item.score())
                        .reversed())
                .limit(n)
                .toList();
    }

    /** Mines the rules again from the orders of the window and clears the cached lists. */
    synchronized void refresh() {
        List<List<UUID>> baskets = behaviours.orderBaskets(settings.window());
        Map<UUID, List<AssociationRules.Rule<UUID>>> byProduct = new HashMap<>();
        if (!baskets.isEmpty()) {
            AssociationRules<UUID> rules =
                    AssociationRules.mine(baskets, thresholds(baskets.size()).withLength(2, 2));
            Map<UUID, Map<UUID, AssociationRules.Rule<UUID>>> pairs = rules.rules().stream()
                    .filter(rule -> rule.antecedent().size() == 1)
                    .collect(Collectors.groupingBy(
                            rule -> rule.antecedent().getFirst(),
                            Collectors.toMap(AssociationRules.Rule::consequent, Function.identity())));
            pairs.forEach((product, rulesByConsequent) -> byProduct.put(
                    product,
                    rules.boughtWith(product, KEPT_PER_PRODUCT).stream()
                            .map(ScoredItem::item)
                            .map(rulesByConsequent::get)
                            .filter(java.util.Objects::nonNull)
                            .toList()));
        }
        model = new Model(Map.copyOf(byProduct), baskets.size(), clock.instant());
        cache.clear();
        log.info("Frequently bought together: {} baskets, rules for {} products", baskets.size(), byProduct.size());
    }

    /**
     * A pair must be in {@code minCount} baskets: as a share of n that is minCount / n, lowered by half a
     * basket so that the rules' exact decimal comparison (count ≥ share × n) cannot miss a count of exactly
     * minCount through the rounding of the share to a double.
     */
    private AssociationRules.Thresholds thresholds(int baskets) {
        double byCount = Math.max(0, settings.minCount() - 0.5) / baskets;
        return AssociationRules.Thresholds.of(
                Math.min(1, Math.max(settings.minSupport(), byCount)), settings.minConfidence());
    }

    private Model current() {
        Model current = model;
        if (current == null
                || current.computedAt().plus(settings.refreshEvery()).isBefore(clock.instant())) {
            synchronized (this) {
                if (model == current) {
                    refresh();
                }
                current = model;
            }
        }
        return current;
    }

    private List<Suggestion> shown(Model current, UUID productId) {
        List<AssociationRules.Rule<UUID>> rules = current.byProduct().getOrDefault(productId, List.of());
        Map<UUID, ProductCard> cards =
                catalog
                        .cards(rules.stream()
                                .map(AssociationRules.Rule::consequent)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ProductCard::id, Function.identity()));
        return rules.stream()
                .filter(rule -> cards.containsKey(rule.consequent()))
                .limit(MAX_LIMIT)
                .map(rule -> {
                    ProductCard card = cards.get(rule.consequent());
                    return new Suggestion(
                            card.id(),
                            card.title(),
                            card.price().amount(),
                            rule.confidence(),
                            rule.lift(),
                            rule.support());
                })
                .toList();
    }
}
