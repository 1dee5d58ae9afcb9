package dev.bazaar.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation's metric code on a tiny fixture whose values are worked out by hand. */
class RankingMetricsTest {

    // product → gain: 1 and 2 Exact, 3 Partial, 4 Irrelevant; 9 is unjudged
    private static final Map<Integer, Integer> GAINS = Map.of(1, 2, 2, 2, 3, 1, 4, 0);

    @Test
    void ndcgIsOneForTheIdealOrderAndDiscountsLowerRanks() {
        assertThat(RankingMetrics.ndcg(List.of(1, 2, 3, 4), GAINS, 10)).isCloseTo(1.0, within(1e-12));

        // ideal DCG = 2 + 2/log2(3) + 1/2; ranking 9, 3, 1: 0 + 1/log2(3) + 2/2
        double ideal = 2 + 2 / log2(3) + 0.5;
        double dcg = 1 / log2(3) + 1;
        assertThat(RankingMetrics.ndcg(List.of(9, 3, 1), GAINS, 10)).isCloseTo(dcg / ideal, within(1e-12));

        // the cut-off applies to the ranking and to the ideal
        assertThat(RankingMetrics.ndcg(List.of(3, 1), GAINS, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of(), GAINS, 10)).isZero();
    }

    @Test
    void precisionAndRecallCountExactProducts() {
        assertThat(RankingMetrics.precision(List.of(1, 3, 9, 2), GAINS, 10)).isCloseTo(0.2, within(1e-12));
        assertThat(RankingMetrics.recall(List.of(3, 1, 9), GAINS, 50)).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.recall(List.of(3, 1, 2), GAINS, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void duplicateJudgmentsCollapseToTheMajorityThenTheHigherGain() {
        assertThat(WandsData.majority(List.of(2, 1, 1))).isEqualTo(1);
        assertThat(WandsData.majority(List.of(1, 2))).isEqualTo(2);
        Map<Integer, Map<Integer, List<Integer>>> votes = new LinkedHashMap<>();
        votes.put(12, Map.of(34349, List.of(2, 1, 1), 7, List.of(0, 0)));
        assertThat(WandsData.collapse(votes).get(12)).containsEntry(34349, 1).containsEntry(7, 0);
    }

    @Test
    void randomizationTestSeparatesAConsistentDifferenceFromNoise() {
        double[] better = new double[20];
        double[] worse = new double[20];
        double[] noise = new double[20];
        for (int i = 0; i < 20; i++) {
            better[i] = 0.5 + 0.01 * i;
            worse[i] = better[i] - 0.1;
            noise[i] = better[i] + (i % 2 == 0 ? 0.1 : -0.1);
        }
        assertThat(RankingMetrics.pairedRandomizationP(better, worse, 10_000, 1))
                .isLessThan(0.001);
        assertThat(RankingMetrics.pairedRandomizationP(better, noise, 10_000, 1))
                .isGreaterThan(0.5);
        assertThat(RankingMetrics.pairedRandomizationP(better, better, 1_000, 1))
                .isEqualTo(1.0);
    }

    @Test
    void slugsAreUniqueAndValid() {
        var taken = new java.util.HashSet<String>();
        assertThat(RelevanceEvaluation.uniqueSlug("Beds & Headboards", taken)).isEqualTo("beds-headboards");
        assertThat(RelevanceEvaluation.uniqueSlug("Beds & Headboards", taken)).isEqualTo("beds-headboards-2");
        assertThat(RelevanceEvaluation.uniqueSlug("Wall Décor", taken)).isEqualTo("wall-decor");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
