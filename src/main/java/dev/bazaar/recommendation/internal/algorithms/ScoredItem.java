package dev.bazaar.recommendation.internal.algorithms;

import java.util.List;

/**
 * One recommended item with its algorithm's score (only comparable within one algorithm's list) and the items of
 * the user's history that led to it, when the algorithm knows them: the antecedent of an association rule, the
 * history item that contributed most to an item-to-item score. Empty when not applicable.
 */
public record ScoredItem<I>(I item, double score, List<I> because) {

    public ScoredItem {
        because = List.copyOf(because);
    }

    public static <I> ScoredItem<I> of(I item, double score) {
        return new ScoredItem<>(item, score, List.of());
    }
}
