package dev.bazaar.recommendation.internal.algorithms;

import static dev.bazaar.recommendation.internal.algorithms.EvaluationSplit.TOP_K;

import dev.bazaar.recommendation.internal.algorithms.Blender.Source;
import dev.bazaar.recommendation.internal.algorithms.OnlineRetailPurchases.Purchase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The models trained on a split with some settings, and each algorithm as a {@link EvaluationSplit.Recommender}. */
final class EvaluatedModels {

    /** How many candidates each algorithm hands the blender. */
    private static final int BLEND_POOL = 50;

    final EvaluationSplit split;
    final EvaluationSettings settings;
    final Map<String, String> trainingTimes = new LinkedHashMap<>();
    List<ScoredItem<String>> popularity;
    ContentCandidates<String> byPopularity;
    ItemSimilarity<String> items;
    UserSimilarity<Long, String> users;
    AssociationRules<String> rules;
    Blender<String> blender;

    private EvaluatedModels(EvaluationSplit split, EvaluationSettings settings) {
        this.split = split;
        this.settings = settings;
    }

    static EvaluatedModels train(EvaluationSplit split, EvaluationSettings settings) {
        return train(split, settings, true);
    }

    static EvaluatedModels train(EvaluationSplit split, EvaluationSettings settings, boolean all) {
        EvaluatedModels models = new EvaluatedModels(split, settings);
        models.popularity = models.timed("popular", models::trainPopularity);
        models.byPopularity = ContentCandidates.of(models.popularity.stream()
                .map(scored -> split.features(scored.item()))
                .toList());
        if (all) {
            models.items =
                    models.timed("item-to-item CF", () -> ItemSimilarity.train(split.interactions, settings.items()));
            models.users = models.timed(
                    "user-based CF",
                    () -> UserSimilarity.train(
                            settings.userRecencyHalfLifeDays() == 0
                                    ? split.interactions
                                    : split.recencyInteractions(settings.userRecencyHalfLifeDays()),
                            settings.users()));
            models.rules =
                    models.timed("association rules", () -> AssociationRules.mine(split.baskets, settings.rules()));
            models.trainingTimes.put(
                    "rule count",
                    String.format(Locale.ROOT, "%,d", models.rules.rules().size()));
            models.blender = models.blender(settings.blend());
        }
        return models;
    }

    private <T> T timed(String name, Supplier<T> training) {
        long start = System.nanoTime();
        T model = training.get();
        trainingTimes.put(name, OfflineEvaluation.since(start));
        return model;
    }

    /**
     * Purchases (invoices) in the window before the split; views and ratings are not in the data, so the
     * seed's score reduces to 0.5 × purchases. Ties, and items not bought in the window, follow all-time
     * invoice counts.
     */
    private List<ScoredItem<String>> trainPopularity() {
        LocalDateTime windowStart = split.trainingEnd.minusDays(settings.popularityWindowDays());
        Map<String, Set<String>> recentInvoices = new HashMap<>();
        Map<String, Set<String>> allInvoices = new HashMap<>();
        for (Purchase purchase : split.training) {
            allInvoices
                    .computeIfAbsent(purchase.item(), item -> new HashSet<>())
                    .add(purchase.invoice());
            if (!purchase.at().isBefore(windowStart)) {
                recentInvoices
                        .computeIfAbsent(purchase.item(), item -> new HashSet<>())
                        .add(purchase.invoice());
            }
        }
        List<PopularityScore.Activity<String>> activity = split.interactions.items().stream()
                .sorted(Comparator.comparingInt(
                                (String item) -> allInvoices.get(item).size())
                        .reversed())
                .map(item -> new PopularityScore.Activity<>(
                        item,
                        split.features(item).category(),
                        0,
                        recentInvoices.getOrDefault(item, Set.of()).size(),
                        0))
                .toList();
        return new PopularityScore(PopularityScore.Weights.SEED).top(activity, activity.size());
    }

    Blender<String> blender(Blender.Settings blend) {
        return new Blender<>(
                blend, split.catalog::title, item -> split.features(item).category());
    }

    List<String> popular(long customer, Set<String> history) {
        return ids(popularExcluding(history, TOP_K));
    }

    private List<ScoredItem<String>> popularExcluding(Set<String> history, int n) {
        List<ScoredItem<String>> result = new ArrayList<>(n);
        for (ScoredItem<String> candidate : popularity) {
            if (result.size() == n) {
                break;
            }
            if (!history.contains(candidate.item())) {
                result.add(candidate);
            }
        }
        return result;
    }

    List<String> itemBased(long customer, Set<String> history) {
        return ids(itemBased(customer, history, TOP_K));
    }

    private List<ScoredItem<String>> itemBased(long customer, Set<String> history, int n) {
        return settings.itemRecencyHalfLifeDays() == 0
                ? items.recommend(history, n, Set.of())
                : items.recommend(
                        split.recencyWeightedHistory(customer, settings.itemRecencyHalfLifeDays()), n, Set.of());
    }

    List<String> userBased(long customer, Set<String> history) {
        return ids(users.recommend(customer, TOP_K, Set.of()));
    }

    List<String> contentBased(long customer, Set<String> history) {
        return ids(content(history, TOP_K));
    }

    private List<ScoredItem<String>> content(Set<String> history, int n) {
        ContentProfile profile = ContentProfile.fromHistory(
                history.stream().map(split::features).toList(), ContentProfile.Settings.defaults());
        return profile.recommend(byPopularity, n, history);
    }

    List<String> boughtTogether(long customer, Set<String> history) {
        return ids(rules.recommend(history, TOP_K, Set.of()));
    }

    List<String> blend(long customer, Set<String> history) {
        return blend(blender, customer, history);
    }

    List<String> blend(Blender<String> with, long customer, Set<String> history) {
        Map<Source, List<ScoredItem<String>>> candidates = new EnumMap<>(Source.class);
        candidates.put(Source.ITEM_BASED, itemBased(customer, history, BLEND_POOL));
        candidates.put(Source.USER_BASED, users.recommend(customer, BLEND_POOL, Set.of()));
        candidates.put(Source.BOUGHT_TOGETHER, rules.recommend(history, BLEND_POOL, Set.of()));
        candidates.put(Source.CONTENT_BASED, content(history, BLEND_POOL));
        candidates.put(Source.POPULAR, popularExcluding(history, BLEND_POOL));
        return with.blend(candidates, history, TOP_K).stream()
                .map(Blender.BlendedItem::item)
                .toList();
    }

    static List<String> ids(List<ScoredItem<String>> scored) {
        return scored.stream().map(ScoredItem::item).toList();
    }
}
