package dev.bazaar.search.relevance;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ranking metrics over graded judgments (gain per judged product; unjudged products gain 0).
 *
 * <ul>
 *   <li>NDCG@k: DCG = Σ gain / log2(rank + 1) over the first k results, divided by the DCG of the ideal order of
 *       all the query's judged gains.
 *   <li>P@k: the share of the first k positions holding an Exact product (gain 2); a short result list still
 *       divides by k.
 *   <li>Recall@k: the share of the query's Exact products found in the first k results.
 * </ul>
 */
final class RankingMetrics {

    static final int EXACT = 2;

    private RankingMetrics() {}

    static double ndcg(List<Integer> ranking, Map<Integer, Integer> gains, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += gains.getOrDefault(ranking.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = gains.values().stream()
                .sorted((a, b) -> Integer.compare(b, a))
                .limit(k)
                .toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double precision(List<Integer> ranking, Map<Integer, Integer> gains, int k) {
        long exact = ranking.stream()
                .limit(k)
                .filter(id -> gains.getOrDefault(id, 0) == EXACT)
                .count();
        return (double) exact / k;
    }

    static double recall(List<Integer> ranking, Map<Integer, Integer> gains, int k) {
        long relevant = gains.values().stream().filter(g -> g == EXACT).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream()
                .limit(k)
                .filter(id -> gains.getOrDefault(id, 0) == EXACT)
                .count();
        return (double) found / relevant;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /**
     * Two-sided paired randomization (sign-flip) test of the mean difference {@code a - b}: the share of random
     * relabellings of each pair whose mean difference is at least as far from 0 as the observed one, counting the
     * observed one (so the p-value is never 0). Seeded, so a run is repeatable.
     */
    static double pairedRandomizationP(double[] a, double[] b, int rounds, long seed) {
        int n = a.length;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = a[i] - b[i];
        }
        double observed = Math.abs(mean(diff));
        SplittableRandom random = new SplittableRandom(seed);
        long atLeast = 0;
        for (int round = 0; round < rounds; round++) {
            double sum = 0;
            for (double d : diff) {
                sum += random.nextBoolean() ? d : -d;
            }
            if (Math.abs(sum / n) >= observed - 1e-12) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (rounds + 1.0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
