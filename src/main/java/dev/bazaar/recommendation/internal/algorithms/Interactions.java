package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse user × item matrix of interaction weights (purchase counts, ratings), stored twice in compressed form:
 * by user (the items of each user) and by item (the users of each item). Collaborative filtering walks both
 * directions, and the arrays hold the full Online Retail history (≈270,000 non-zeros) in a few megabytes.
 *
 * @param <U> user id type
 * @param <I> item id type
 */
public final class Interactions<U, I> {

    final IdDictionary<U> users;
    final IdDictionary<I> items;

    /** Items of user u: {@code userItems[userStart[u] .. userStart[u + 1])}, ascending item index. */
    final int[] userStart;

    final int[] userItems;
    final double[] userWeights;

    /** Users of item i: {@code itemUsers[itemStart[i] .. itemStart[i + 1])}, ascending user index. */
    final int[] itemStart;

    final int[] itemUsers;
    final double[] itemWeights;

    private Interactions(IdDictionary<U> users, IdDictionary<I> items, List<Map<Integer, Double>> rows) {
        this.users = users;
        this.items = items;
        int userCount = users.size();
        int itemCount = items.size();
        int nonZeros = rows.stream().mapToInt(Map::size).sum();
        userStart = new int[userCount + 1];
        userItems = new int[nonZeros];
        userWeights = new double[nonZeros];
        int[] usersPerItem = new int[itemCount];
        int position = 0;
        for (int user = 0; user < userCount; user++) {
            userStart[user] = position;
            Map<Integer, Double> row = rows.get(user);
            int[] rowItems =
                    row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int item : rowItems) {
                userItems[position] = item;
                userWeights[position] = row.get(item);
                usersPerItem[item]++;
                position++;
            }
        }
        userStart[userCount] = position;

        itemStart = new int[itemCount + 1];
        for (int item = 0; item < itemCount; item++) {
            itemStart[item + 1] = itemStart[item] + usersPerItem[item];
        }
        itemUsers = new int[nonZeros];
        itemWeights = new double[nonZeros];
        int[] next = Arrays.copyOf(itemStart, itemCount);
        for (int user = 0; user < userCount; user++) {
            for (int p = userStart[user]; p < userStart[user + 1]; p++) {
                int slot = next[userItems[p]]++;
                itemUsers[slot] = user;
                itemWeights[slot] = userWeights[p];
            }
        }
    }

    public static <U, I> Builder<U, I> builder() {
        return new Builder<>();
    }

    public int userCount() {
        return users.size();
    }

    public int itemCount() {
        return items.size();
    }

    /** Number of (user, item) pairs with a weight. */
    public int size() {
        return userItems.length;
    }

    public boolean hasUser(U user) {
        return users.indexOf(user) != IdDictionary.ABSENT;
    }

    public boolean hasItem(I item) {
        return items.indexOf(item) != IdDictionary.ABSENT;
    }

    public List<I> items() {
        return items.ids();
    }

    public List<U> users() {
        return users.ids();
    }

    /** The user's items and weights, in item order; empty for an unknown user. */
    public Map<I, Double> itemsOf(U user) {
        int u = users.indexOf(user);
        Map<I, Double> result = new LinkedHashMap<>();
        if (u != IdDictionary.ABSENT) {
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                result.put(items.idOf(userItems[p]), userWeights[p]);
            }
        }
        return result;
    }

    /** How many users interacted with the item. */
    public int userCountOf(I item) {
        int i = items.indexOf(item);
        return i == IdDictionary.ABSENT ? 0 : itemStart[i + 1] - itemStart[i];
    }

    int itemDegree(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    int userDegree(int user) {
        return userStart[user + 1] - userStart[user];
    }

    /** Accumulates weights: adding the same (user, item) twice sums the weights (two purchases count two). */
    public static final class Builder<U, I> {

        private final IdDictionary<U> users = new IdDictionary<>();
        private final IdDictionary<I> items = new IdDictionary<>();
        private final List<Map<Integer, Double>> rows = new ArrayList<>();
        private boolean built;

        private Builder() {}

        public Builder<U, I> add(U user, I item, double weight) {
            requireNotBuilt();
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be positive and finite: " + weight);
            }
            int u = users.indexOrAdd(user);
            if (u == rows.size()) {
                rows.add(new HashMap<>());
            }
            rows.get(u).merge(items.indexOrAdd(item), weight, Double::sum);
            return this;
        }

        /** Registers an item no user has touched yet, so that it has an index (and can be excluded, counted). */
        public Builder<U, I> addItem(I item) {
            requireNotBuilt();
            items.indexOrAdd(item);
            return this;
        }

        /** The matrix shares this builder's dictionaries, so a builder builds once. */
        public Interactions<U, I> build() {
            requireNotBuilt();
            built = true;
            return new Interactions<>(users, items, rows);
        }

        private void requireNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder has already built its matrix");
            }
        }
    }
}
