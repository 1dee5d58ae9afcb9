package dev.bazaar.recommendation.internal.algorithms;

import dev.bazaar.recommendation.internal.algorithms.Blender.Source;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings tried on the validation split (the 30 days before the test month), printed as one table row each.
 * Each block varies one thing of {@link EvaluationSettings#chosen()}, so the chosen values are the best of their
 * block (or, where docs/recommendations.md says so, within noise of it).
 */
final class SettingsGrid {

    private SettingsGrid() {}

    static void run(EvaluationSplit split) {
        EvaluationSettings base = EvaluationSettings.chosen();
        System.out.println(OfflineEvaluation.HEADER.replace("Algorithm", "Variant"));
        System.out.println(OfflineEvaluation.ALIGNMENT);
        for (int days : new int[] {7, 14, 30, 90, OfflineEvaluation.ALL_TIME_DAYS}) {
            EvaluatedModels models = EvaluatedModels.train(split, base.withPopularityWindow(days), false);
            System.out.println(split.evaluate("popular, last " + days + " days", models::popular)
                    .markdown());
        }
        for (int neighbours : new int[] {10, 20, 50, 100, 200}) {
            for (Weighting weighting : new Weighting[] {Weighting.BINARY, Weighting.LOG}) {
                for (double penalty : new double[] {0, 0.5, 1}) {
                    ItemSimilarity.Settings items = new ItemSimilarity.Settings(neighbours, weighting, penalty, 1);
                    EvaluatedModels models = EvaluatedModels.train(split, base.withItems(items), false);
                    models.items = ItemSimilarity.train(split.interactions, items);
                    System.out.println(split.evaluate("item CF " + items, models::itemBased)
                            .markdown());
                }
            }
        }
        for (int neighbours : new int[] {10, 25, 50, 100, 200, 400}) {
            for (Weighting weighting : new Weighting[] {Weighting.BINARY, Weighting.LOG}) {
                for (boolean iif : new boolean[] {false, true}) {
                    UserSimilarity.Settings users = new UserSimilarity.Settings(neighbours, weighting, iif);
                    EvaluatedModels models = EvaluatedModels.train(split, base.withUsers(users), false);
                    models.users = UserSimilarity.train(split.interactions, users);
                    System.out.println(split.evaluate("user CF " + users, models::userBased)
                            .markdown());
                }
            }
        }
        // Recency, item CF: the similarities of each history item weighted by 0.5^(age of its last purchase /
        // half-life); 0 weighs every history item 1.
        for (int halfLife : new int[] {0, 7, 14, 30, 60, 90}) {
            EvaluatedModels models =
                    EvaluatedModels.train(split, base.withRecency(halfLife, base.userRecencyHalfLifeDays()));
            System.out.println(split.evaluate("item CF, history half-life " + halfLife + " days", models::itemBased)
                    .markdown());
        }
        // Recency, item CF: item vectors of 0.5^(age of the last purchase / half-life), used as they are (RAW).
        for (int halfLife : new int[] {14, 30, 90, 180}) {
            for (double penalty : new double[] {0, 0.5}) {
                ItemSimilarity.Settings items = new ItemSimilarity.Settings(10, Weighting.RAW, penalty, 1);
                EvaluatedModels models = EvaluatedModels.train(split, base.withItems(items), false);
                models.items = ItemSimilarity.train(split.recencyInteractions(halfLife), items);
                System.out.println(split.evaluate(
                                "item CF, last-purchase half-life " + halfLife + " days, " + items, models::itemBased)
                        .markdown());
            }
        }
        // Recency, user CF: vectors of 0.5^(age of the last purchase / half-life), used as they are (RAW).
        for (int halfLife : new int[] {7, 14, 30, 60}) {
            for (int neighbours : new int[] {50, 100, 200, 400}) {
                UserSimilarity.Settings users = new UserSimilarity.Settings(neighbours, Weighting.RAW, false);
                EvaluatedModels models = EvaluatedModels.train(
                        split, base.withUsers(users).withRecency(base.itemRecencyHalfLifeDays(), halfLife));
                System.out.println(split.evaluate(
                                "user CF, last-purchase half-life " + halfLife + " days, " + users, models::userBased)
                        .markdown());
            }
        }
        for (double support : new double[] {0.002, 0.005, 0.01}) {
            for (double confidence : new double[] {0.1, 0.3}) {
                AssociationRules.Thresholds thresholds =
                        AssociationRules.Thresholds.of(support, confidence).withLength(2, 3);
                EvaluatedModels models = EvaluatedModels.train(split, base.withRules(thresholds), false);
                long start = System.nanoTime();
                models.rules = AssociationRules.mine(split.baskets, thresholds);
                String mined = String.format(
                        Locale.ROOT, "%,d rules in %s", models.rules.rules().size(), OfflineEvaluation.since(start));
                System.out.println(split.evaluate(
                                "rules supp " + support + " conf " + confidence + " (" + mined + ")",
                                models::boughtTogether)
                        .markdown());
            }
        }
        List<Map<Source, Double>> weightings = List.of(
                Map.of(Source.ITEM_BASED, 1.0, Source.USER_BASED, 1.0),
                Map.of(Source.ITEM_BASED, 1.0, Source.USER_BASED, 1.0, Source.POPULAR, 0.5),
                Map.of(Source.ITEM_BASED, 1.0, Source.USER_BASED, 1.0, Source.POPULAR, 1.0),
                Map.of(
                        Source.ITEM_BASED, 1.0,
                        Source.USER_BASED, 1.0,
                        Source.BOUGHT_TOGETHER, 0.2,
                        Source.CONTENT_BASED, 0.2,
                        Source.POPULAR, 0.2),
                Map.of(
                        Source.ITEM_BASED, 1.0,
                        Source.USER_BASED, 1.0,
                        Source.BOUGHT_TOGETHER, 0.2,
                        Source.CONTENT_BASED, 0.2,
                        Source.POPULAR, 0.5),
                Map.of(
                        Source.ITEM_BASED, 1.0,
                        Source.USER_BASED, 1.0,
                        Source.BOUGHT_TOGETHER, 1.0,
                        Source.CONTENT_BASED, 1.0,
                        Source.POPULAR, 1.0));
        EvaluatedModels models = EvaluatedModels.train(split, base);
        for (Map<Source, Double> weights : weightings) {
            for (int cap : new int[] {0, 3, 5}) {
                Blender<String> blender = models.blender(new Blender.Settings(weights, cap));
                System.out.println(split.evaluate(
                                "blend " + new TreeMap<>(weights) + " max " + cap + " per category",
                                (customer, history) -> models.blend(blender, customer, history))
                        .markdown());
            }
        }
    }
}
