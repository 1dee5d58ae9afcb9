package dev.bazaar.recommendation.internal.algorithms;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Top-k accuracy of recommendation lists against what users went on to buy, averaged over users: hit rate (share
 * of users with at least one hit in their top k), precision (hits / k), recall (hits / items bought), NDCG (binary
 * relevance, gain 1 / log2(position + 1), divided by the best possible DCG for that user), and catalogue coverage
 * (share of the catalogue recommended to anyone). Precision divides by k even when a list is shorter: an
 * algorithm that recommends nothing is not precise.
 */
public final class RankingMetrics<I> {

    private final int k;
    private final int catalogueSize;
    private final Set<I> recommended = new HashSet<>();
    private double[] userNdcg = new double[64];
    private int users;
    private double hits;
    private double precision;
    private double recall;
    private double ndcg;

    public RankingMetrics(int k, int catalogueSize) {
        if (k < 1 || catalogueSize < 1) {
            throw new IllegalArgumentException("k and the catalogue size must be positive");
        }
        this.k = k;
        this.catalogueSize = catalogueSize;
    }

    /** Scores one user's list (only its first k count) against the items they bought. */
    public void add(List<I> ranked, Set<I> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a user without relevant items cannot be scored");
        }
        int found = 0;
        double dcg = 0;
        int length = Math.min(k, ranked.size());
        for (int position = 0; position < length; position++) {
            I item = ranked.get(position);
            recommended.add(item);
            if (relevant.contains(item)) {
                found++;
                dcg += 1.0 / log2(position + 2);
            }
        }
        double idealDcg = 0;
        for (int position = 0; position < Math.min(k, relevant.size()); position++) {
            idealDcg += 1.0 / log2(position + 2);
        }
        if (users == userNdcg.length) {
            userNdcg = Arrays.copyOf(userNdcg, users * 2);
        }
        userNdcg[users] = dcg / idealDcg;
        users++;
        hits += found > 0 ? 1 : 0;
        precision += (double) found / k;
        recall += (double) found / relevant.size();
        ndcg += dcg / idealDcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public int users() {
        return users;
    }

    public double hitRate() {
        return users == 0 ? 0 : hits / users;
    }

    public double precision() {
        return users == 0 ? 0 : precision / users;
    }

    public double recall() {
        return users == 0 ? 0 : recall / users;
    }

    public double ndcg() {
        return users == 0 ? 0 : ndcg / users;
    }

    /** Each user's NDCG in the order added, for paired comparisons of algorithms over the same users. */
    public double[] ndcgPerUser() {
        return Arrays.copyOf(userNdcg, users);
    }

    /**
     * This list's NDCG minus another's over the same users, as the mean per-user difference with a normal 95%
     * interval: the users are shared, so the spread of the paired differences, not of each mean, decides whether
     * one algorithm is better.
     */
    public Difference ndcgDifference(RankingMetrics<?> baseline) {
        if (baseline.users != users || users < 2) {
            throw new IllegalArgumentException("a paired difference needs the same users, at least two");
        }
        double mean = 0;
        for (int u = 0; u < users; u++) {
            mean += userNdcg[u] - baseline.userNdcg[u];
        }
        mean /= users;
        double squares = 0;
        for (int u = 0; u < users; u++) {
            double deviation = userNdcg[u] - baseline.userNdcg[u] - mean;
            squares += deviation * deviation;
        }
        return new Difference(mean, 1.96 * Math.sqrt(squares / (users - 1) / users));
    }

    /** A mean difference and the half-width of its 95% interval. */
    public record Difference(double mean, double halfWidth) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.4f ± %.4f", mean, halfWidth);
        }
    }

    public double coverage() {
        return (double) recommended.size() / catalogueSize;
    }
}
