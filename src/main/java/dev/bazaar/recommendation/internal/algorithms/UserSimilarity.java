package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * User-based collaborative filtering, as in the seed's example: the cosine between users' item vectors, the k most
 * similar users, and their items weighted by similarity, never the user's own.
 *
 * <p>Neighbours are found through the item → users index: only users sharing an item with the query get a dot
 * product, so a query costs the sum of its items' popularity, not the number of users.
 */
public final class UserSimilarity<U, I> {

    /**
     * @param neighbours k, how many most similar users vote
     * @param weighting how a purchase count or rating becomes a vector entry
     * @param inverseItemFrequency scale item entries by ln(users / users of the item) (Breese, Heckerman and Kadie,
     *     1998): sharing a best-seller says little about taste, sharing a rarity says much
     */
    public record Settings(int neighbours, Weighting weighting, boolean inverseItemFrequency) {

        public Settings {
            if (neighbours < 1) {
                throw new IllegalArgumentException("neighbours must be positive");
            }
        }

        /**
         * Defaults chosen on a validation month of Online Retail (docs/recommendations.md), where each entry is the
         * {@link RecencyDecay} of the user's last purchase of the item with a 14-day half-life, used as given.
         */
        public static Settings defaults() {
            return new Settings(200, Weighting.RAW, false);
        }
    }

    private final Interactions<U, I> interactions;
    private final Settings settings;
    private final double[] itemScale;
    /** Similarity vector entries aligned with {@code interactions.itemUsers}. */
    private final double[] byItem;

    private final double[] userNorms;

    private UserSimilarity(Interactions<U, I> interactions, Settings settings) {
        this.interactions = interactions;
        this.settings = settings;
        int userCount = interactions.userCount();
        int itemCount = interactions.itemCount();
        itemScale = new double[itemCount];
        for (int i = 0; i < itemCount; i++) {
            int degree = interactions.itemDegree(i);
            itemScale[i] =
                    !settings.inverseItemFrequency() ? 1.0 : degree == 0 ? 0 : Math.log((double) userCount / degree);
        }
        byItem = new double[interactions.size()];
        double[] squares = new double[userCount];
        for (int i = 0; i < itemCount; i++) {
            for (int p = interactions.itemStart[i]; p < interactions.itemStart[i + 1]; p++) {
                byItem[p] = settings.weighting().apply(interactions.itemWeights[p]) * itemScale[i];
                squares[interactions.itemUsers[p]] += byItem[p] * byItem[p];
            }
        }
        userNorms = new double[userCount];
        for (int u = 0; u < userCount; u++) {
            userNorms[u] = Math.sqrt(squares[u]);
        }
    }

    public static <U, I> UserSimilarity<U, I> train(Interactions<U, I> interactions, Settings settings) {
        return new UserSimilarity<>(interactions, settings);
    }

    /** The cosine of two users' vectors; 0 if either is unknown or has no weight. */
    public double similarity(U a, U b) {
        int u = interactions.users.indexOf(a);
        int v = interactions.users.indexOf(b);
        if (u == IdDictionary.ABSENT || v == IdDictionary.ABSENT || userNorms[u] == 0 || userNorms[v] == 0) {
            return 0;
        }
        Query first = Query.ofUser(this, u);
        Query second = Query.ofUser(this, v);
        return first.dot(second) / (first.norm * second.norm);
    }

    /** The user's k most similar other users, most similar first. */
    public List<ScoredItem<U>> neighbours(U user) {
        int u = interactions.users.indexOf(user);
        if (u == IdDictionary.ABSENT) {
            return List.of();
        }
        TopScores top = nearest(Query.ofUser(this, u), u);
        int[] users = top.indexesBestFirst();
        double[] scores = top.scoresBestFirst();
        List<ScoredItem<U>> result = new ArrayList<>(users.length);
        for (int r = 0; r < users.length; r++) {
            result.add(ScoredItem.of(interactions.users.idOf(users[r]), scores[r]));
        }
        return result;
    }

    /** Recommendations for a user of the training data, from their training items. */
    public List<ScoredItem<I>> recommend(U user, int n, Set<I> exclude) {
        int u = interactions.users.indexOf(user);
        if (u == IdDictionary.ABSENT) {
            return List.of();
        }
        return recommend(Query.ofUser(this, u), u, n, exclude);
    }

    /**
     * Recommendations for any history of item → weight (a new user, or a user's history newer than the model).
     * Unknown items are ignored.
     */
    public List<ScoredItem<I>> recommend(Map<I, Double> history, int n, Set<I> exclude) {
        return recommend(Query.ofHistory(this, history), IdDictionary.ABSENT, n, exclude);
    }

    private List<ScoredItem<I>> recommend(Query query, int self, int n, Set<I> exclude) {
        if (query.norm == 0) {
            return List.of();
        }
        TopScores nearest = nearest(query, self);
        int[] neighbours = nearest.indexesBestFirst();
        double[] similarities = nearest.scoresBestFirst();
        int itemCount = interactions.itemCount();
        double[] scores = new double[itemCount];
        boolean[] excluded = new boolean[itemCount];
        for (int item : query.items) {
            excluded[item] = true;
        }
        for (I item : exclude) {
            int i = interactions.items.indexOf(item);
            if (i != IdDictionary.ABSENT) {
                excluded[i] = true;
            }
        }
        for (int r = 0; r < neighbours.length; r++) {
            int v = neighbours[r];
            for (int p = interactions.userStart[v]; p < interactions.userStart[v + 1]; p++) {
                scores[interactions.userItems[p]] +=
                        similarities[r] * settings.weighting().apply(interactions.userWeights[p]);
            }
        }
        TopScores top = new TopScores(n);
        for (int i = 0; i < itemCount; i++) {
            if (!excluded[i] && scores[i] > 0) {
                top.offer(i, scores[i]);
            }
        }
        int[] best = top.indexesBestFirst();
        double[] bestScores = top.scoresBestFirst();
        List<ScoredItem<I>> result = new ArrayList<>(best.length);
        for (int r = 0; r < best.length; r++) {
            result.add(ScoredItem.of(interactions.items.idOf(best[r]), bestScores[r]));
        }
        return result;
    }

    private TopScores nearest(Query query, int self) {
        double[] dots = new double[interactions.userCount()];
        for (int k = 0; k < query.items.length; k++) {
            int i = query.items[k];
            for (int p = interactions.itemStart[i]; p < interactions.itemStart[i + 1]; p++) {
                dots[interactions.itemUsers[p]] += query.values[k] * byItem[p];
            }
        }
        TopScores top = new TopScores(settings.neighbours());
        for (int v = 0; v < dots.length; v++) {
            if (v != self && dots[v] > 0) {
                top.offer(v, dots[v] / (query.norm * userNorms[v]));
            }
        }
        return top;
    }

    /** A user vector in item order: the item indexes and the entries. */
    private record Query(int[] items, double[] values, double norm) {

        static Query ofUser(UserSimilarity<?, ?> model, int user) {
            Interactions<?, ?> data = model.interactions;
            int from = data.userStart[user];
            int to = data.userStart[user + 1];
            int[] items = Arrays.copyOfRange(data.userItems, from, to);
            double[] values = new double[items.length];
            for (int k = 0; k < items.length; k++) {
                values[k] = model.settings.weighting().apply(data.userWeights[from + k]) * model.itemScale[items[k]];
            }
            return new Query(items, values, model.userNorms[user]);
        }

        static <I> Query ofHistory(UserSimilarity<?, I> model, Map<I, Double> history) {
            double[] byIndex = new double[model.interactions.itemCount()];
            history.forEach((item, weight) -> {
                int i = model.interactions.items.indexOf(item);
                if (i != IdDictionary.ABSENT && weight > 0) {
                    byIndex[i] += weight;
                }
            });
            int[] items = IntStream.range(0, byIndex.length)
                    .filter(i -> byIndex[i] > 0)
                    .toArray();
            double[] values = new double[items.length];
            double squares = 0;
            for (int k = 0; k < items.length; k++) {
                values[k] = model.settings.weighting().apply(byIndex[items[k]]) * model.itemScale[items[k]];
                squares += values[k] * values[k];
            }
            return new Query(items, values, Math.sqrt(squares));
        }

        /** Merges the two ascending item lists. */
        double dot(Query other) {
            double sum = 0;
            int a = 0;
            int b = 0;
            while (a < items.length && b < other.items.length) {
                if (items[a] < other.items[b]) {
                    a++;
                } else if (items[a] > other.items[b]) {
                    b++;
                } else {
                    sum += values[a++] * other.values[b++];
                }
            }
            return sum;
        }
    }
}
