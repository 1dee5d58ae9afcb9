package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Item-to-item collaborative filtering (Linden, Smith and York, "Amazon.com recommendations: item-to-item
 * collaborative filtering", 2003): the cosine between items' vectors over users, of which each item keeps its
 * {@code neighbours} most similar items. A user's recommendations are the items most similar, in sum, to what the
 * user already has.
 *
 * <p>Similarities are computed sparsely: for each item, walk its users and their other items, accumulating dot
 * products in a scratch array. The cost is the sum over users of (items per user)², never items × items, and
 * memory is the kept neighbours only.
 */
public final class ItemSimilarity<I> {

    /**
     * @param neighbours how many most similar items each item keeps
     * @param weighting how a purchase count becomes a vector entry
     * @param activeUserPenalty each user's entries are scaled by (items of the user)^-penalty: a wholesaler who
     *     bought 1,000 items relates a million pairs, most by accident, and 0.5 makes every user's binary row unit length
     *     (Deshpande and Karypis, "Item-based top-N recommendation algorithms", 2004); 0 disables it
     * @param minCommonUsers pairs with fewer common users are not neighbours (one shared customer is anecdote)
     */
    public record Settings(int neighbours, Weighting weighting, double activeUserPenalty, int minCommonUsers) {

        public Settings {
            if (neighbours < 1 || activeUserPenalty < 0 || minCommonUsers < 1) {
                throw new IllegalArgumentException("invalid item similarity settings");
            }
        }

        /** Defaults chosen on a validation month of Online Retail (docs/recommendations.md). */
        public static Settings defaults() {
            return new Settings(10, Weighting.BINARY, 0, 1);
        }
    }

    private final IdDictionary<I> items;
    private final int[] neighbourStart;
    private final int[] neighbourItems;
    private final double[] neighbourScores;

    private ItemSimilarity(
            IdDictionary<I> items, int[] neighbourStart, int[] neighbourItems, double[] neighbourScores) {
        this.items = items;
        this.neighbourStart = neighbourStart;
        this.neighbourItems = neighbourItems;
        this.neighbourScores = neighbourScores;
    }

    public static <I> ItemSimilarity<I> train(Interactions<?, I> interactions, Settings settings) {
        int itemCount = interactions.itemCount();
        double[] userScale = new double[interactions.userCount()];
        for (int u = 0; u < userScale.length; u++) {
            int degree = interactions.userDegree(u);
            userScale[u] = degree == 0 ? 0 : Math.pow(degree, -settings.activeUserPenalty());
        }
        // Vector entries in both layouts, so the inner loop reads arrays sequentially.
        double[] byUser = new double[interactions.size()];
        for (int u = 0; u < userScale.length; u++) {
            for (int p = interactions.userStart[u]; p < interactions.userStart[u + 1]; p++) {
                byUser[p] = settings.weighting().apply(interactions.userWeights[p]) * userScale[u];
            }
        }
        double[] byItem = new double[interactions.size()];
        double[] norms = new double[itemCount];
        for (int i = 0; i < itemCount; i++) {
            double squares = 0;
            for (int p = interactions.itemStart[i]; p < interactions.itemStart[i + 1]; p++) {
                int u = interactions.itemUsers[p];
                byItem[p] = settings.weighting().apply(interactions.itemWeights[p]) * userScale[u];
                squares += byItem[p] * byItem[p];
            }
            norms[i] = Math.sqrt(squares);
        }

        int[][] keptItems = new int[itemCount][];
        double[][] keptScores = new double[itemCount][];
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(itemCount, settings.neighbours()));
        IntStream.range(0, itemCount).parallel().forEach(item -> {
            Scratch s = scratch.get();
            for (int p = interactions.itemStart[item]; p < interactions.itemStart[item + 1]; p++) {
                int u = interactions.itemUsers[p];
                double value = byItem[p];
                for (int q = interactions.userStart[u]; q < interactions.userStart[u + 1]; q++) {
                    int other = interactions.userItems[q];
                    if (other == item) {
                        continue;
                    }
                    if (s.common[other] == 0) {
                        s.touched[s.touchedCount++] = other;
                    }
                    s.common[other]++;
                    s.dots[other] += value * byUser[q];
                }
            }
            s.top.clear();
            for (int t = 0; t < s.touchedCount; t++) {
                int other = s.touched[t];
                if (s.common[other] >= settings.minCommonUsers() && s.dots[other] > 0) {
                    s.top.offer(other, s.dots[other] / (norms[item] * norms[other]));
                }
                s.common[other] = 0;
                s.dots[other] = 0;
            }
            s.touchedCount = 0;
            keptItems[item] = s.top.indexesBestFirst();
            keptScores[item] = s.top.scoresBestFirst();
        });

        int[] start = new int[itemCount + 1];
        for (int i = 0; i < itemCount; i++) {
            start[i + 1] = start[i] + keptItems[i].length;
        }
        int[] neighbourItems = new int[start[itemCount]];
        double[] neighbourScores = new double[start[itemCount]];
        for (int i = 0; i < itemCount; i++) {
            System.arraycopy(keptItems[i], 0, neighbourItems, start[i], keptItems[i].length);
            System.arraycopy(keptScores[i], 0, neighbourScores, start[i], keptScores[i].length);
        }
        return new ItemSimilarity<>(interactions.items, start, neighbourItems, neighbourScores);
    }

    /** The cosine of two items if b is among a's kept neighbours, else 0. */
    public double similarity(I a, I b) {
        int i = items.indexOf(a);
        int j = items.indexOf(b);
        if (i == IdDictionary.ABSENT || j == IdDictionary.ABSENT) {
            return 0;
        }
        for (int p = neighbourStart[i]; p < neighbourStart[i + 1]; p++) {
            if (neighbourItems[p] == j) {
                return neighbourScores[p];
            }
        }
        return 0;
    }

    /** The item's kept neighbours, most similar first; empty for an unknown item. */
    public List<ScoredItem<I>> neighbours(I item) {
        int i = items.indexOf(item);
        if (i == IdDictionary.ABSENT) {
            return List.of();
        }
        List<ScoredItem<I>> result = new ArrayList<>();
        for (int p = neighbourStart[i]; p < neighbourStart[i + 1]; p++) {
            result.add(ScoredItem.of(items.idOf(neighbourItems[p]), neighbourScores[p]));
        }
        return result;
    }

    /**
     * The n items with the largest sum of similarities to the history, never an item of the history or of
     * {@code exclude}. Each result names the history item that contributed most to it.
     */
    public List<ScoredItem<I>> recommend(Collection<I> history, int n, Set<I> exclude) {
        Map<I, Double> weights = new LinkedHashMap<>();
        history.forEach(item -> weights.put(item, 1.0));
        return recommend(weights, n, exclude);
    }

    /**
     * As {@link #recommend(Collection, int, Set)}, with each history item's similarities multiplied by its weight:
     * a purchase may count more than a view, a recent purchase more than an old one (the evaluation weighs each
     * item by the {@link RecencyDecay} of its last purchase, half-life 30 days).
     */
    public List<ScoredItem<I>> recommend(Map<I, Double> history, int n, Set<I> exclude) {
        int itemCount = items.size();
        double[] scores = new double[itemCount];
        double[] bestContribution = new double[itemCount];
        int[] bestSource = new int[itemCount];
        boolean[] excluded = new boolean[itemCount];
        double[] weights = new double[itemCount];
        history.forEach((item, weight) -> {
            int i = items.indexOf(item);
            if (i != IdDictionary.ABSENT) {
                excluded[i] = true;
                weights[i] += weight;
            }
        });
        for (I item : exclude) {
            int i = items.indexOf(item);
            if (i != IdDictionary.ABSENT) {
                excluded[i] = true;
            }
        }
        for (int source = 0; source < itemCount; source++) {
            if (weights[source] <= 0) {
                continue;
            }
            for (int p = neighbourStart[source]; p < neighbourStart[source + 1]; p++) {
                int candidate = neighbourItems[p];
                double contribution = weights[source] * neighbourScores[p];
                scores[candidate] += contribution;
                if (contribution > bestContribution[candidate]) {
                    bestContribution[candidate] = contribution;
                    bestSource[candidate] = source;
                }
            }
        }
        TopScores top = new TopScores(n);
        for (int candidate = 0; candidate < itemCount; candidate++) {
            if (!excluded[candidate] && scores[candidate] > 0) {
                top.offer(candidate, scores[candidate]);
            }
        }
        int[] best = top.indexesBestFirst();
        double[] bestScores = top.scoresBestFirst();
        List<ScoredItem<I>> result = new ArrayList<>(best.length);
        for (int r = 0; r < best.length; r++) {
            result.add(new ScoredItem<>(items.idOf(best[r]), bestScores[r], List.of(items.idOf(bestSource[best[r]]))));
        }
        return result;
    }

    /** Per-thread accumulators, reset after each item by walking only the touched entries. */
    private static final class Scratch {
        final double[] dots;
        final int[] common;
        final int[] touched;
        int touchedCount;
        final TopScores top;

        Scratch(int itemCount, int neighbours) {
            dots = new double[itemCount];
            common = new int[itemCount];
            touched = new int[itemCount];
            top = new TopScores(neighbours);
        }
    }
}
