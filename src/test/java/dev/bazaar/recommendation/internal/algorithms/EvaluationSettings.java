package dev.bazaar.recommendation.internal.algorithms;

/**
 * The settings of an offline evaluation; {@link #chosen()} are the ones picked on the validation split
 * (docs/recommendations.md).
 *
 * @param popularityWindowDays popularity counts the purchases of this many days before the split
 * @param itemRecencyHalfLifeDays item-to-item CF weighs each history item by 0.5^(days since the customer last
 *     bought it / this) (0: all weigh 1)
 * @param userRecencyHalfLifeDays user-based CF's vectors are 0.5^(days since the last purchase / this) instead of
 *     the given weighting of purchase counts (0: counts)
 */
record EvaluationSettings(
        int popularityWindowDays,
        int itemRecencyHalfLifeDays,
        int userRecencyHalfLifeDays,
        ItemSimilarity.Settings items,
        UserSimilarity.Settings users,
        AssociationRules.Thresholds rules,
        Blender.Settings blend) {

    static EvaluationSettings chosen() {
        return new EvaluationSettings(
                7,
                30,
                14,
                ItemSimilarity.Settings.defaults(),
                UserSimilarity.Settings.defaults(),
                AssociationRules.Thresholds.of(0.005, 0.1).withLength(2, 3),
                Blender.Settings.defaults());
    }

    EvaluationSettings withPopularityWindow(int days) {
        return new EvaluationSettings(
                days, itemRecencyHalfLifeDays, userRecencyHalfLifeDays, items, users, rules, blend);
    }

    EvaluationSettings withRecency(int itemHalfLife, int userHalfLife) {
        return new EvaluationSettings(popularityWindowDays, itemHalfLife, userHalfLife, items, users, rules, blend);
    }

    EvaluationSettings withItems(ItemSimilarity.Settings settings) {
        return new EvaluationSettings(
                popularityWindowDays, itemRecencyHalfLifeDays, userRecencyHalfLifeDays, settings, users, rules, blend);
    }

    EvaluationSettings withUsers(UserSimilarity.Settings settings) {
        return new EvaluationSettings(
                popularityWindowDays, itemRecencyHalfLifeDays, userRecencyHalfLifeDays, items, settings, rules, blend);
    }

    EvaluationSettings withRules(AssociationRules.Thresholds thresholds) {
        return new EvaluationSettings(
                popularityWindowDays,
                itemRecencyHalfLifeDays,
                userRecencyHalfLifeDays,
                items,
                users,
                thresholds,
                blend);
    }
}
