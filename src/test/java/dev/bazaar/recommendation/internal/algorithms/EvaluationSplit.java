package dev.bazaar.recommendation.internal.algorithms;

import dev.bazaar.recommendation.internal.algorithms.OnlineRetailPurchases.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A time split of Online Retail: what the models learn from (every purchase before the period) and the customers to
 * predict, with the products they bought in the period that they had never bought before.
 */
final class EvaluationSplit {

    static final int TOP_K = 10;

    /** A recommender under evaluation: the customer and their training items give a ranked list. */
    @FunctionalInterface
    interface Recommender {
        List<String> recommend(long customer, Set<String> history);
    }

    final Interactions<Long, String> interactions;
    final List<Set<String>> baskets;
    final Map<Long, Set<String>> histories;
    /** Customer → products first bought in the evaluation period; customers in ascending order. */
    final Map<Long, Set<String>> targets;

    final List<Purchase> training;
    final LocalDateTime trainingEnd;
    final DemoCatalogFeatures catalog;
    final Map<String, BigDecimal> lastPrices = new HashMap<>();
    final Map<Long, Map<String, LocalDateTime>> lastPurchases = new HashMap<>();

    private EvaluationSplit(
            List<Purchase> training, List<Purchase> period, LocalDateTime trainingEnd, DemoCatalogFeatures catalog) {
        this.training = training;
        this.trainingEnd = trainingEnd;
        this.catalog = catalog;
        Interactions.Builder<Long, String> builder = Interactions.builder();
        Map<String, Set<String>> invoices = new LinkedHashMap<>();
        Map<Long, Set<String>> histories = new HashMap<>();
        for (Purchase purchase : training) {
            // An invoice listing a product on two lines is still one purchase of it.
            if (invoices.computeIfAbsent(purchase.invoice(), invoice -> new LinkedHashSet<>())
                    .add(purchase.item())) {
                builder.add(purchase.customer(), purchase.item(), 1.0);
            }
            histories
                    .computeIfAbsent(purchase.customer(), customer -> new LinkedHashSet<>())
                    .add(purchase.item());
            lastPrices.put(purchase.item(), purchase.unitPrice());
            lastPurchases
                    .computeIfAbsent(purchase.customer(), customer -> new LinkedHashMap<>())
                    .merge(purchase.item(), purchase.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        this.interactions = builder.build();
        this.baskets = List.copyOf(invoices.values());
        this.histories = histories;
        Map<Long, Set<String>> targets = new TreeMap<>();
        for (Purchase purchase : period) {
            Set<String> history = histories.get(purchase.customer());
            if (history != null && !history.contains(purchase.item())) {
                targets.computeIfAbsent(purchase.customer(), customer -> new LinkedHashSet<>())
                        .add(purchase.item());
            }
        }
        this.targets = targets;
    }

    static EvaluationSplit of(
            List<Purchase> purchases, LocalDateTime periodStart, LocalDateTime periodEnd, DemoCatalogFeatures c) {
        List<Purchase> training =
                purchases.stream().filter(p -> p.at().isBefore(periodStart)).toList();
        List<Purchase> period = purchases.stream()
                .filter(p -> !p.at().isBefore(periodStart) && p.at().isBefore(periodEnd))
                .toList();
        return new EvaluationSplit(training, period, periodStart, c);
    }

    /** Each customer's products weighted 0.5^(days since their last purchase of it / half-life). */
    Interactions<Long, String> recencyInteractions(int halfLifeDays) {
        Interactions.Builder<Long, String> builder = Interactions.builder();
        lastPurchases.forEach((customer, items) ->
                items.forEach((item, at) -> builder.add(customer, item, recency(at, halfLifeDays))));
        return builder.build();
    }

    /** The customer's products weighted 0.5^(days since their last purchase of it / half-life). */
    Map<String, Double> recencyWeightedHistory(long customer, int halfLifeDays) {
        Map<String, Double> weights = new LinkedHashMap<>();
        lastPurchases.get(customer).forEach((item, at) -> weights.put(item, recency(at, halfLifeDays)));
        return weights;
    }

    private double recency(LocalDateTime at, int halfLifeDays) {
        return RecencyDecay.ofDays(halfLifeDays)
                .weight(at.toInstant(ZoneOffset.UTC), trainingEnd.toInstant(ZoneOffset.UTC));
    }

    ProductFeatures<String> features(String item) {
        return catalog.of(item, lastPrices.getOrDefault(item, BigDecimal.ONE));
    }

    EvaluationResult evaluate(String name, Recommender recommender) {
        RankingMetrics<String> metrics = new RankingMetrics<>(TOP_K, interactions.itemCount());
        long start = System.nanoTime();
        targets.forEach((customer, relevant) ->
                metrics.add(recommender.recommend(customer, histories.get(customer)), relevant));
        return new EvaluationResult(name, metrics, Duration.ofNanos(System.nanoTime() - start));
    }
}
