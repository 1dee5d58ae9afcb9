package dev.bazaar.recommendation.internal.algorithms;

import dev.bazaar.recommendation.internal.algorithms.OnlineRetailPurchases.Purchase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Offline evaluation of the recommendation algorithms on UCI Online Retail, split by time: the models learn from
 * every purchase before the last 30 days of the data and must predict, for each customer who buys again in those
 * 30 days, the products they buy that they had never bought before. Prints a markdown table of HR, precision,
 * recall and NDCG at 10, catalogue coverage and timings (docs/recommendations.md has the results and the command).
 *
 * <p>Arguments: the path of online-retail.csv.gz, then optionally {@code --validation} (evaluate on the 30 days
 * before the test month, learning from what precedes them: the split used to choose settings) or {@code --tune}
 * (the grid of settings tried on that validation split).
 */
public final class OfflineEvaluation {

    private static final int PERIOD_DAYS = 30;

    /** A popularity window longer than the data. */
    static final int ALL_TIME_DAYS = 1_000;

    static final String HEADER = "| Algorithm | HR@10 | Precision@10 | Recall@10 | NDCG@10 | Coverage | Scoring time |";
    static final String ALIGNMENT = "|---|---:|---:|---:|---:|---:|---:|";

    private OfflineEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "../shared/data/online-retail.csv.gz");
        Set<String> flags = Set.of(args);
        long start = System.nanoTime();
        List<Purchase> purchases = OnlineRetailPurchases.read(path);
        DemoCatalogFeatures catalog = DemoCatalogFeatures.load();
        System.out.printf(Locale.ROOT, "read %,d purchase lines in %s%n", purchases.size(), since(start));

        LocalDateTime last = purchases.stream()
                .map(Purchase::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        LocalDateTime testStart = last.toLocalDate().minusDays(PERIOD_DAYS).atStartOfDay();
        boolean validation = flags.contains("--validation") || flags.contains("--tune");
        LocalDateTime periodStart = validation ? testStart.minusDays(PERIOD_DAYS) : testStart;
        LocalDateTime periodEnd = validation ? testStart : last.plusSeconds(1);
        EvaluationSplit split = EvaluationSplit.of(purchases, periodStart, periodEnd, catalog);
        System.out.printf(
                Locale.ROOT,
                "%s: learn before %s, predict %s .. %s: %,d customers, %,d products, %,d invoices in training; "
                        + "%,d customers to predict, %,d new purchases (%.1f per customer)%n",
                validation ? "validation split" : "test split",
                periodStart,
                periodStart,
                periodEnd,
                split.interactions.userCount(),
                split.interactions.itemCount(),
                split.baskets.size(),
                split.targets.size(),
                split.targets.values().stream().mapToInt(Set::size).sum(),
                split.targets.values().stream().mapToInt(Set::size).average().orElse(0));

        if (flags.contains("--tune")) {
            SettingsGrid.run(split);
        } else {
            report(split, EvaluationSettings.chosen());
        }
        System.out.printf(Locale.ROOT, "total %s, heap in use %,d MB%n", since(start), usedHeapMegabytes());
    }

    /** Trains every model with the settings and prints the table. */
    private static void report(EvaluationSplit split, EvaluationSettings settings) {
        EvaluatedModels models = EvaluatedModels.train(split, settings);
        List<EvaluationResult> rows = evaluateAll(split, models);
        System.out.println();
        System.out.println(HEADER);
        System.out.println(ALIGNMENT);
        rows.forEach(row -> System.out.println(row.markdown()));
        System.out.println();
        System.out.println("Training: " + models.trainingTimes);
        double recentNdcg = rows.get(0).metrics().ndcg();
        double allTimeNdcg = rows.get(1).metrics().ndcg();
        for (EvaluationResult row : rows.subList(2, rows.size())) {
            System.out.printf(
                    Locale.ROOT,
                    "%s NDCG@10: %s vs %s (difference %s), %s vs %s%n",
                    row.name(),
                    change(row.metrics().ndcg(), recentNdcg),
                    rows.get(0).name(),
                    row.metrics().ndcgDifference(rows.get(0).metrics()),
                    change(row.metrics().ndcg(), allTimeNdcg),
                    rows.get(1).name());
        }
    }

    private static List<EvaluationResult> evaluateAll(EvaluationSplit split, EvaluatedModels models) {
        List<EvaluationResult> rows = new ArrayList<>();
        rows.add(split.evaluate("Popular (last " + models.settings.popularityWindowDays() + " days)", models::popular));
        EvaluatedModels allTime =
                EvaluatedModels.train(split, models.settings.withPopularityWindow(ALL_TIME_DAYS), false);
        rows.add(split.evaluate("Popular (all time)", allTime::popular));
        rows.add(split.evaluate("Item-to-item CF", models::itemBased));
        rows.add(split.evaluate("User-based CF", models::userBased));
        rows.add(split.evaluate("Content-based (category, price)", models::contentBased));
        rows.add(split.evaluate("Association rules", models::boughtTogether));
        rows.add(split.evaluate("Blend", models::blend));
        return rows;
    }

    private static String change(double value, double baseline) {
        return baseline == 0 ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * (value / baseline - 1));
    }

    private static long usedHeapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
