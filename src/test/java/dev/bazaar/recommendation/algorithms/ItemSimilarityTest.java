package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.Interactions;
import dev.bazaar.recommendation.internal.algorithms.ItemSimilarity;
import dev.bazaar.recommendation.internal.algorithms.ItemSimilarity.Settings;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import dev.bazaar.recommendation.internal.algorithms.Weighting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Item-to-item cosine similarity on a fixture computed by hand. */
class ItemSimilarityTest {

    /*
     * Binary purchases:      A  B  C  D
     *   ann                  1  1  1  .
     *   bob                  1  1  .  .
     *   cat                  .  1  1  1
     *   dan                  .  .  .  1
     * Item vectors over users: A = (1,1,0,0), B = (1,1,1,0), C = (1,0,1,0), D = (0,0,1,1).
     * cos(A,B) = 2 / (√2·√3) = 0.8165, cos(A,C) = 1 / (√2·√2) = 0.5, cos(B,C) = 2 / (√3·√2) = 0.8165,
     * cos(B,D) = 1 / (√3·√2) = 0.4082, cos(C,D) = 1 / (√2·√2) = 0.5, cos(A,D) = 0.
     */
    private static Interactions<String, String> purchases() {
        return Interactions.<String, String>builder()
                .add("ann", "A", 1)
                .add("ann", "B", 1)
                .add("ann", "C", 1)
                .add("bob", "A", 1)
                .add("bob", "B", 1)
                .add("cat", "B", 1)
                .add("cat", "C", 1)
                .add("cat", "D", 1)
                .add("dan", "D", 1)
                .build();
    }

    private static final Settings ALL_NEIGHBOURS = new Settings(10, Weighting.BINARY, 0, 1);

    @Test
    void computesCosineBetweenItems() {
        ItemSimilarity<String> similarity = ItemSimilarity.train(purchases(), ALL_NEIGHBOURS);

        assertThat(similarity.similarity("A", "B")).isCloseTo(2 / Math.sqrt(6), within(1e-12));
        assertThat(similarity.similarity("B", "A")).isCloseTo(2 / Math.sqrt(6), within(1e-12));
        assertThat(similarity.similarity("A", "C")).isCloseTo(0.5, within(1e-12));
        assertThat(similarity.similarity("B", "D")).isCloseTo(1 / Math.sqrt(6), within(1e-12));
        assertThat(similarity.similarity("A", "D")).isZero();
        assertThat(similarity.similarity("A", "unknown")).isZero();
        assertThat(similarity.neighbours("A")).extracting(ScoredItem::item).containsExactly("B", "C");
    }

    @Test
    void keepsOnlyTheTopKNeighbours() {
        ItemSimilarity<String> similarity = ItemSimilarity.train(purchases(), new Settings(1, Weighting.BINARY, 0, 1));

        // B's neighbours: A 0.8165, C 0.8165 (tie: first seen wins), D 0.4082.
        assertThat(similarity.neighbours("B")).hasSize(1);
        assertThat(similarity.neighbours("B").getFirst().item()).isEqualTo("A");
        assertThat(similarity.neighbours("D")).extracting(ScoredItem::item).containsExactly("C");
    }

    @Test
    void countsCanWeighAndActiveUsersCanBeDamped() {
        Interactions<String, String> counts = Interactions.<String, String>builder()
                .add("ann", "A", 4)
                .add("ann", "B", 1)
                .add("bob", "A", 1)
                .add("bob", "C", 1)
                .build();
        // Raw counts: A = (4, 1), B = (1, 0), C = (0, 1): cos(A,B) = 4/√17, cos(A,C) = 1/√17.
        ItemSimilarity<String> raw = ItemSimilarity.train(counts, new Settings(10, Weighting.RAW, 0, 1));
        assertThat(raw.similarity("A", "B")).isCloseTo(4 / Math.sqrt(17), within(1e-12));
        assertThat(raw.similarity("A", "C")).isCloseTo(1 / Math.sqrt(17), within(1e-12));
        // Binary: both 1/√2.
        ItemSimilarity<String> binary = ItemSimilarity.train(counts, new Settings(10, Weighting.BINARY, 0, 1));
        assertThat(binary.similarity("A", "B")).isCloseTo(1 / Math.sqrt(2), within(1e-12));

        // A user's entries are scaled by (items of the user)^-penalty: the wholesaler's four items weigh less
        // than the fan's two.
        Interactions<String, String> crowd = Interactions.<String, String>builder()
                .add("wholesaler", "A", 1)
                .add("wholesaler", "B", 1)
                .add("wholesaler", "C", 1)
                .add("wholesaler", "D", 1)
                .add("fan", "A", 1)
                .add("fan", "C", 1)
                .build();
        // Without damping: A = (1,1), B = (1,0): cos = 1/√2. With penalty 1: wholesaler entries 1/4, fan 1/2:
        // A = (1/4, 1/2), B = (1/4, 0): cos = (1/16) / (√(5/16) · 1/4) = 1/√5.
        ItemSimilarity<String> damped = ItemSimilarity.train(crowd, new Settings(10, Weighting.BINARY, 1, 1));
        assertThat(damped.similarity("A", "B")).isCloseTo(1 / Math.sqrt(5), within(1e-12));
        ItemSimilarity<String> undamped = ItemSimilarity.train(crowd, new Settings(10, Weighting.BINARY, 0, 1));
        assertThat(undamped.similarity("A", "B")).isCloseTo(1 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void pairsNeedEnoughCommonUsers() {
        ItemSimilarity<String> similarity = ItemSimilarity.train(purchases(), new Settings(10, Weighting.BINARY, 0, 2));

        // A and B share ann and bob; B and D share only cat.
        assertThat(similarity.similarity("A", "B")).isPositive();
        assertThat(similarity.similarity("B", "D")).isZero();
    }

    @Test
    void recommendsBySummedSimilarityWithoutOwnedOrExcludedItems() {
        ItemSimilarity<String> similarity = ItemSimilarity.train(purchases(), ALL_NEIGHBOURS);

        // History {A, D}: B = cos(A,B) + cos(D,B) = 0.8165 + 0.4082 = 1.2247; C = 0.5 + 0.5 = 1.0.
        List<ScoredItem<String>> recommended = similarity.recommend(List.of("A", "D"), 5, Set.of());

        assertThat(recommended).extracting(ScoredItem::item).containsExactly("B", "C");
        assertThat(recommended.get(0).score()).isCloseTo(3 / Math.sqrt(6), within(1e-12));
        assertThat(recommended.get(0).because()).containsExactly("A");
        assertThat(recommended.get(1).score()).isCloseTo(1.0, within(1e-12));
        assertThat(similarity.recommend(List.of("A", "D"), 5, Set.of("B")))
                .extracting(ScoredItem::item)
                .containsExactly("C");
        assertThat(similarity.recommend(List.of("A", "D"), 1, Set.of())).hasSize(1);
        assertThat(similarity.recommend(List.of(), 5, Set.of())).isEmpty();
    }

    @Test
    void weightedHistoryScalesEachItemsContribution() {
        ItemSimilarity<String> similarity = ItemSimilarity.train(purchases(), ALL_NEIGHBOURS);

        // D weighs 4: B = 0.8165 + 4 × 0.4082 = 2.4495, C = 0.5 + 4 × 0.5 = 2.5: C now leads.
        List<ScoredItem<String>> recommended = similarity.recommend(Map.of("A", 1.0, "D", 4.0), 5, Set.of());

        assertThat(recommended).extracting(ScoredItem::item).containsExactly("C", "B");
        assertThat(recommended.get(0).score()).isCloseTo(2.5, within(1e-12));
        assertThat(recommended.get(0).because()).containsExactly("D");
    }
}
