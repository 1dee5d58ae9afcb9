package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.RankingMetrics;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HR, precision, recall, NDCG and coverage at k on lists scored by hand. */
class RankingMetricsTest {

    @Test
    void averagesTopKMetricsOverUsers() {
        RankingMetrics<String> metrics = new RankingMetrics<>(3, 10);

        // User 1: hits at positions 1 and 3 of 3; 4 relevant items.
        //   precision 2/3, recall 2/4, DCG = 1/log2(2) + 1/log2(4) = 1.5,
        //   ideal DCG (3 relevant in 3 places) = 1 + 1/log2(3) + 1/2 = 2.1309, NDCG = 0.7039.
        metrics.add(List.of("a", "x", "b", "c"), Set.of("a", "b", "c", "d"));
        // User 2: no hit in the top 3 ("e" is 4th); 1 relevant item. Everything 0.
        metrics.add(List.of("x", "y", "z", "e"), Set.of("e"));
        // User 3: a short list, hit at position 2; 1 relevant: precision 1/3, recall 1,
        //   NDCG = (1/log2(3)) / 1 = 0.6309.
        metrics.add(List.of("y", "f"), Set.of("f"));

        double log2of3 = Math.log(3) / Math.log(2);
        double ndcgUser1 = 1.5 / (1 + 1 / log2of3 + 0.5);
        assertThat(metrics.users()).isEqualTo(3);
        assertThat(metrics.hitRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.precision()).isCloseTo((2.0 / 3 + 0 + 1.0 / 3) / 3, within(1e-12));
        assertThat(metrics.recall()).isCloseTo((0.5 + 0 + 1) / 3, within(1e-12));
        assertThat(metrics.ndcg()).isCloseTo((ndcgUser1 + 0 + 1 / log2of3) / 3, within(1e-12));
        assertThat(ndcgUser1).isCloseTo(0.7039, within(5e-5));
        // Recommended within the top 3: a, x, b, y, z, f = 6 of a 10-item catalogue.
        assertThat(metrics.coverage()).isCloseTo(0.6, within(1e-12));
        assertThat(metrics.ndcgPerUser()).containsExactly(new double[] {ndcgUser1, 0, 1 / log2of3}, within(1e-12));
    }

    @Test
    void comparesTwoAlgorithmsPairedOverTheSameUsers() {
        RankingMetrics<String> better = new RankingMetrics<>(1, 10);
        RankingMetrics<String> worse = new RankingMetrics<>(1, 10);
        // Per-user NDCG@1: better 1, 1, 0, 1; worse 0, 1, 0, 0. Differences 1, 0, 0, 1: mean 0.5,
        // sample standard deviation √(1/3), half-width 1.96 · √(1/3) / √4.
        String[][] lists = {{"a", "x"}, {"b", "b"}, {"x", "x"}, {"d", "x"}};
        String[] relevant = {"a", "b", "c", "d"};
        for (int u = 0; u < lists.length; u++) {
            better.add(List.of(lists[u][0]), Set.of(relevant[u]));
            worse.add(List.of(lists[u][1]), Set.of(relevant[u]));
        }

        RankingMetrics.Difference difference = better.ndcgDifference(worse);

        assertThat(difference.mean()).isCloseTo(0.5, within(1e-12));
        assertThat(difference.halfWidth()).isCloseTo(1.96 * Math.sqrt(1.0 / 3) / 2, within(1e-12));
        assertThat(difference).hasToString("+0.5000 ± 0.5658");
    }

    @Test
    void perfectListsScoreOne() {
        RankingMetrics<String> metrics = new RankingMetrics<>(2, 4);

        metrics.add(List.of("a", "b"), Set.of("a", "b"));

        assertThat(metrics.hitRate()).isEqualTo(1.0);
        assertThat(metrics.precision()).isEqualTo(1.0);
        assertThat(metrics.recall()).isEqualTo(1.0);
        assertThat(metrics.ndcg()).isCloseTo(1.0, within(1e-12));
    }
}
