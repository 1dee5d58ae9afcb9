package dev.bazaar.recommendation.internal.algorithms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Frequently bought together": association rules X ⇒ y over baskets, with one item on the right-hand side, as R's
 * arules {@code apriori()} produces them. Frequent itemsets come from {@link FpGrowth}; every frequent itemset Z and
 * every y in Z give the candidate rule Z \ {y} ⇒ y, kept when its confidence and lift pass.
 *
 * <p>Thresholds follow arules exactly, so that its published Groceries results are reproduced (5,668 rules at
 * support 0.001 and confidence 0.5): an itemset is frequent when its count is at least minSupport × N, and a rule
 * is kept when its confidence is at least minConfidence; both compared in decimal, so that 0.001 × 9,835 = 9.835
 * means a count of 10, not a floating-point neighbour of it. As in arules (minlen = 1), a one-item itemset gives
 * the rule {} ⇒ y, whose confidence is y's support; the rule length counts both sides.
 */
public final class AssociationRules<I> {

    /**
     * @param minSupport an itemset must be in at least this share of baskets
     * @param minConfidence count(X ∪ y) / count(X) must be at least this
     * @param minLift confidence / support(y) must be at least this (0 keeps all, as arules does)
     * @param minLength shortest rule, counting both sides (arules' minlen, default 1)
     * @param maxLength longest rule, counting both sides (arules' maxlen, default 10)
     */
    public record Thresholds(double minSupport, double minConfidence, double minLift, int minLength, int maxLength) {

        public Thresholds {
            if (!(minSupport >= 0 && minSupport <= 1) || !(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("support and confidence are shares between 0 and 1");
            }
            if (minLift < 0 || minLength < 1 || maxLength < minLength) {
                throw new IllegalArgumentException("invalid lift or rule length thresholds");
            }
        }

        /** arules' defaults for everything but support and confidence. */
        public static Thresholds of(double minSupport, double minConfidence) {
            return new Thresholds(minSupport, minConfidence, 0, 1, 10);
        }

        public Thresholds withMinLift(double lift) {
            return new Thresholds(minSupport, minConfidence, lift, minLength, maxLength);
        }

        public Thresholds withLength(int min, int max) {
            return new Thresholds(minSupport, minConfidence, minLift, min, max);
        }
    }

    /**
     * @param antecedent X, in ascending item frequency order of the data (empty for {} ⇒ y)
     * @param consequent y
     * @param count baskets containing X and y
     * @param support count / baskets
     * @param confidence count / count(X)
     * @param lift confidence / support(y)
     */
    public record Rule<I>(List<I> antecedent, I consequent, int count, double support, double confidence, double lift) {

        public Rule {
            antecedent = List.copyOf(antecedent);
        }

        /** Items on both sides. */
        public int length() {
            return antecedent.size() + 1;
        }
    }

    /** Strongest first: confidence, then lift, then count. */
    private static final Comparator<Rule<?>> STRONGEST_FIRST = Comparator.<Rule<?>>comparingDouble(Rule::confidence)
            .thenComparingDouble(Rule::lift)
            .thenComparingInt(Rule::count)
            .reversed();

    private final IdDictionary<I> items;
    private final int basketCount;
    private final int frequentItemsetCount;
    private final List<Rule<I>> rules;
    /** Internal form of {@link #rules}: antecedent item indexes and consequent index, same order. */
    private final int[][] antecedents;

    private final int[] consequents;
    /** For each item index, the rules whose antecedent contains it, shortest antecedent then strongest first. */
    private final int[][] rulesContaining;

    private final int[] emptyAntecedentRules;

    private AssociationRules(
            IdDictionary<I> items,
            int basketCount,
            int frequentItemsetCount,
            List<Rule<I>> rules,
            int[][] antecedents,
            int[] consequents) {
        this.items = items;
        this.basketCount = basketCount;
        this.frequentItemsetCount = frequentItemsetCount;
        this.rules = List.copyOf(rules);
        this.antecedents = antecedents;
        this.consequents = consequents;
        List<List<Integer>> containing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            containing.add(new ArrayList<>());
        }
        List<Integer> empty = new ArrayList<>();
        for (int r = 0; r < antecedents.length; r++) {
            if (antecedents[r].length == 0) {
                empty.add(r);
            }
            for (int item : antecedents[r]) {
                containing.get(item).add(r);
            }
        }
        // Rules are already strongest first; a stable sort by antecedent size keeps that within each size.
        rulesContaining = new int[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            rulesContaining[i] = containing.get(i).stream()
                    .sorted(Comparator.comparingInt(r -> antecedents[r].length))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        emptyAntecedentRules = empty.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mines the rules of the baskets; duplicate items in a basket count once. */
    public static <I> AssociationRules<I> mine(Collection<? extends Collection<I>> baskets, Thresholds thresholds) {
        IdDictionary<I> all = new IdDictionary<>();
        int[][] encoded = new int[baskets.size()][];
        int b = 0;
        for (Collection<I> basket : baskets) {
            encoded[b++] = new LinkedHashSet<>(basket)
                    .stream().mapToInt(all::indexOrAdd).toArray();
        }
        int n = encoded.length;
        int minCount = Math.max(
                1,
                BigDecimal.valueOf(thresholds.minSupport())
                        .multiply(BigDecimal.valueOf(n))
                        .setScale(0, RoundingMode.CEILING)
                        .intValueExact());

        int[] itemCounts = new int[all.size()];
        for (int[] basket : encoded) {
            for (int item : basket) {
                itemCounts[item]++;
            }
        }
        // Ranks: frequent items by descending count (ties by first appearance), the FP-tree's order.
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> itemCounts[x] != itemCounts[y] ? itemCounts[y] - itemCounts[x] : x - y);
        int frequentItems = 0;
        while (frequentItems < order.length && itemCounts[order[frequentItems]] >= minCount) {
            frequentItems++;
        }
        IdDictionary<I> items = new IdDictionary<>();
        int[] rankOf = new int[all.size()];
        Arrays.fill(rankOf, IdDictionary.ABSENT);
        int[] rankCounts = new int[frequentItems];
        for (int rank = 0; rank < frequentItems; rank++) {
            rankOf[order[rank]] = items.indexOrAdd(all.idOf(order[rank]));
            rankCounts[rank] = itemCounts[order[rank]];
        }
        int[][] transactions = new int[n][];
        for (int t = 0; t < n; t++) {
            transactions[t] = Arrays.stream(encoded[t])
                    .map(item -> rankOf[item])
                    .filter(rank -> rank != IdDictionary.ABSENT)
                    .sorted()
                    .toArray();
        }

        Map<Itemset, Integer> counts = new HashMap<>();
        FpGrowth.mine(transactions, frequentItems, minCount, thresholds.maxLength(), (set, length, count) -> {
            int[] sorted = Arrays.copyOf(set, length);
            Arrays.sort(sorted);
            counts.put(new Itemset(sorted), count);
        });
        return new RuleMaker<>(items, n, rankCounts, counts, thresholds).make();
    }

    public int basketCount() {
        return basketCount;
    }

    public int frequentItemsetCount() {
        return frequentItemsetCount;
    }

    /** All rules, strongest first (confidence, lift, count). */
    public List<Rule<I>> rules() {
        return rules;
    }

    /**
     * "Frequently bought together" for a product page: the consequents of the rules whose antecedent is exactly
     * {item}, strongest first, then, if that gives fewer than n, of rules whose larger antecedent contains it.
     * Each consequent appears once, scored by its best rule's confidence.
     */
    public List<ScoredItem<I>> boughtWith(I item, int n) {
        int i = items.indexOf(item);
        if (i == IdDictionary.ABSENT) {
            return List.of();
        }
        boolean[] taken = new boolean[items.size()];
        taken[i] = true;
        List<ScoredItem<I>> result = new ArrayList<>();
        for (int r : rulesContaining[i]) {
            if (result.size() == n) {
                break;
            }
            if (!taken[consequents[r]]) {
                taken[consequents[r]] = true;
                result.add(suggestion(r));
            }
        }
        return result;
    }

    /**
     * Consequents of the rules whose antecedent the basket (a cart, a user's purchases) contains, each scored by
     * its strongest such rule (confidence, then lift), never an item of the basket or of {@code exclude}.
     */
    public List<ScoredItem<I>> recommend(Collection<I> basket, int n, Set<I> exclude) {
        boolean[] inBasket = new boolean[items.size()];
        boolean[] excluded = new boolean[items.size()];
        for (I item : basket) {
            int i = items.indexOf(item);
            if (i != IdDictionary.ABSENT) {
                inBasket[i] = true;
                excluded[i] = true;
            }
        }
        for (I item : exclude) {
            int i = items.indexOf(item);
            if (i != IdDictionary.ABSENT) {
                excluded[i] = true;
            }
        }
        int[] bestRule = new int[items.size()];
        Arrays.fill(bestRule, -1);
        for (int r : emptyAntecedentRules) {
            consider(r, bestRule, excluded);
        }
        for (int i = 0; i < items.size(); i++) {
            if (!inBasket[i]) {
                continue;
            }
            for (int r : rulesContaining[i]) {
                if (antecedents[r][0] == i && containsAll(inBasket, antecedents[r])) {
                    consider(r, bestRule, excluded);
                }
            }
        }
        return Arrays.stream(bestRule)
                .filter(r -> r >= 0)
                .boxed()
                .sorted(Comparator.comparing((Integer r) -> rules.get(r), STRONGEST_FIRST)
                        .thenComparingInt(r -> consequents[r]))
                .limit(n)
                .map(this::suggestion)
                .toList();
    }

    private void consider(int rule, int[] bestRule, boolean[] excluded) {
        int consequent = consequents[rule];
        if (excluded[consequent]) {
            return;
        }
        int current = bestRule[consequent];
        if (current < 0 || STRONGEST_FIRST.compare(rules.get(rule), rules.get(current)) < 0) {
            bestRule[consequent] = rule;
        }
    }

    private static boolean containsAll(boolean[] set, int[] itemsToCheck) {
        for (int item : itemsToCheck) {
            if (!set[item]) {
                return false;
            }
        }
        return true;
    }

    private ScoredItem<I> suggestion(int rule) {
        Rule<I> r = rules.get(rule);
        return new ScoredItem<>(r.consequent(), r.confidence(), r.antecedent());
    }

    /** A sorted array of item ranks as a hash key. */
    private record Itemset(int[] items) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Itemset set && Arrays.equals(items, set.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }

        @Override
        public String toString() {
            return Arrays.toString(items);
        }
    }

    /** Turns the frequent itemsets into rules, checking thresholds in exact decimal arithmetic. */
    private record RuleMaker<I>(
            IdDictionary<I> items, int basketCount, int[] itemCounts, Map<Itemset, Integer> counts, Thresholds t) {

        AssociationRules<I> make() {
            BigDecimal minConfidence = BigDecimal.valueOf(t.minConfidence());
            List<Candidate> candidates = new ArrayList<>();
            for (Map.Entry<Itemset, Integer> entry : counts.entrySet()) {
                int[] set = entry.getKey().items();
                int count = entry.getValue();
                if (set.length < t.minLength() || set.length > t.maxLength()) {
                    continue;
                }
                for (int k = 0; k < set.length; k++) {
                    int[] antecedent = without(set, k);
                    int antecedentCount = antecedent.length == 0 ? basketCount : counts.get(new Itemset(antecedent));
                    if (BigDecimal.valueOf(count).compareTo(minConfidence.multiply(BigDecimal.valueOf(antecedentCount)))
                            < 0) {
                        continue;
                    }
                    double confidence = (double) count / antecedentCount;
                    double lift = confidence / ((double) itemCounts[set[k]] / basketCount);
                    if (lift >= t.minLift()) {
                        candidates.add(new Candidate(antecedent, set[k], count, confidence, lift));
                    }
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::confidence)
                    .thenComparingDouble(Candidate::lift)
                    .thenComparingInt(Candidate::count)
                    .reversed()
                    .thenComparing(Candidate::antecedent, Arrays::compare)
                    .thenComparingInt(Candidate::consequent));
            List<Rule<I>> rules = new ArrayList<>(candidates.size());
            int[][] antecedents = new int[candidates.size()][];
            int[] consequents = new int[candidates.size()];
            for (int r = 0; r < candidates.size(); r++) {
                Candidate c = candidates.get(r);
                // Rarest antecedent item first: recommend() looks rules up by it, the most selective.
                int[] rarestFirst = reversed(c.antecedent());
                antecedents[r] = rarestFirst;
                consequents[r] = c.consequent();
                rules.add(new Rule<>(
                        Arrays.stream(rarestFirst).mapToObj(items::idOf).toList(),
                        items.idOf(c.consequent()),
                        c.count(),
                        (double) c.count() / basketCount,
                        c.confidence(),
                        c.lift()));
            }
            return new AssociationRules<>(items, basketCount, counts.size(), rules, antecedents, consequents);
        }

        private static int[] without(int[] set, int position) {
            int[] result = new int[set.length - 1];
            System.arraycopy(set, 0, result, 0, position);
            System.arraycopy(set, position + 1, result, position, set.length - position - 1);
            return result;
        }

        private static int[] reversed(int[] ascending) {
            int[] result = new int[ascending.length];
            for (int k = 0; k < ascending.length; k++) {
                result[k] = ascending[ascending.length - 1 - k];
            }
            return result;
        }
    }

    private record Candidate(int[] antecedent, int consequent, int count, double confidence, double lift) {}
}
