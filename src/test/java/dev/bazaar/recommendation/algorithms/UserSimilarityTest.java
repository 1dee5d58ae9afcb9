package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.Interactions;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import dev.bazaar.recommendation.internal.algorithms.UserSimilarity;
import dev.bazaar.recommendation.internal.algorithms.UserSimilarity.Settings;
import dev.bazaar.recommendation.internal.algorithms.Weighting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** User-based collaborative filtering on the seed's user-item matrix (0 = not rated). */
class UserSimilarityTest {

    /*
     *         Product1  Product2  Product3  Product4
     * User1       5         4         0         3
     * User2       4         0         5         4
     * User3       0         3         4         5
     * User4       5         4         0         0
     */
    private static Interactions<String, String> seedMatrix() {
        int[][] ratings = {{5, 4, 0, 3}, {4, 0, 5, 4}, {0, 3, 4, 5}, {5, 4, 0, 0}};
        Interactions.Builder<String, String> builder = Interactions.builder();
        for (int user = 0; user < ratings.length; user++) {
            for (int product = 0; product < ratings[user].length; product++) {
                if (ratings[user][product] > 0) {
                    builder.add("User" + (user + 1), "Product" + (product + 1), ratings[user][product]);
                }
            }
        }
        return builder.build();
    }

    private static UserSimilarity<String, String> model(int neighbours) {
        return UserSimilarity.train(seedMatrix(), new Settings(neighbours, Weighting.RAW, false));
    }

    @Test
    void cosineOfTheSeedsExample() {
        UserSimilarity<String, String> users = model(3);

        // The seed prints sim(User1, User2) = (5·4 + 4·0 + 0·5 + 3·4) / (√(5²+4²+3²) · √(4²+5²+4²)) "= 0.65".
        // The expression it writes is 32 / (√50 · √57) = 32 / 53.385 = 0.5994: the printed 0.65 is an arithmetic
        // slip. No other reading gives 0.65 either: leaving 3² out of User1's norm gives 0.662, the cosine over
        // co-rated products only 0.970, and Pearson's correlation of the full rows -0.487.
        assertThat(users.similarity("User1", "User2")).isCloseTo(32 / (Math.sqrt(50) * Math.sqrt(57)), within(1e-12));
        assertThat(users.similarity("User1", "User2")).isCloseTo(0.5994, within(5e-5));
        assertThat(users.similarity("User2", "User1")).isEqualTo(users.similarity("User1", "User2"));
        // User1·User3 = 4·3 + 3·5 = 27 over √50 · √50; User1·User4 = 25 + 16 = 41 over √50 · √41.
        assertThat(users.similarity("User1", "User3")).isCloseTo(0.54, within(1e-12));
        assertThat(users.similarity("User1", "User4")).isCloseTo(Math.sqrt(41.0 / 50), within(1e-12));
        assertThat(users.similarity("User1", "nobody")).isZero();
    }

    @Test
    void nearestNeighboursAreTheMostSimilarOtherUsers() {
        List<ScoredItem<String>> neighbours = model(2).neighbours("User1");

        assertThat(neighbours).extracting(ScoredItem::item).containsExactly("User4", "User2");
        assertThat(neighbours.get(0).score()).isCloseTo(0.9055, within(5e-5));
    }

    @Test
    void recommendsWhatNeighboursRatedWeightedBySimilarityExcludingOwnItems() {
        // User1 has not rated Product3. With k = 2 (User4, User2) only User2 rated it: 0.5994 × 5 = 2.997.
        List<ScoredItem<String>> forUser1 = model(2).recommend("User1", 10, Set.of());

        assertThat(forUser1).extracting(ScoredItem::item).containsExactly("Product3");
        assertThat(forUser1.getFirst().score()).isCloseTo(5 * 32 / (Math.sqrt(50) * Math.sqrt(57)), within(1e-12));
        // With k = 3 User3 (0.54) adds 0.54 × 4.
        assertThat(model(3).recommend("User1", 10, Set.of()).getFirst().score())
                .isCloseTo(5 * 32 / (Math.sqrt(50) * Math.sqrt(57)) + 0.54 * 4, within(1e-12));
        // User4 lacks Product3 and Product4; both are recommended, none of User4's own.
        assertThat(model(3).recommend("User4", 10, Set.of()))
                .extracting(ScoredItem::item)
                .containsExactlyInAnyOrder("Product3", "Product4");
        assertThat(model(3).recommend("User1", 10, Set.of("Product3"))).isEmpty();
        assertThat(model(3).recommend("nobody", 10, Set.of())).isEmpty();
    }

    @Test
    void anyHistoryCanBeAQuery() {
        // User1's ratings as a history: User1 itself is then the nearest user (cosine 1) but adds nothing new,
        // so k = 3 reproduces k = 2 for the known user.
        List<ScoredItem<String>> fromHistory =
                model(3).recommend(Map.of("Product1", 5.0, "Product2", 4.0, "Product4", 3.0), 10, Set.of());

        assertThat(fromHistory).isEqualTo(model(2).recommend("User1", 10, Set.of()));
        assertThat(model(3).recommend(Map.of("unknown", 1.0), 10, Set.of())).isEmpty();
    }

    @Test
    void inverseItemFrequencyFavoursRareSharedItems() {
        UserSimilarity<String, String> weighted =
                UserSimilarity.train(seedMatrix(), new Settings(3, Weighting.RAW, true));

        // Product1, 2 and 4 are rated by 3 of 4 users (weight ln 4/3), Product3 by 2 (ln 2).
        double common = Math.log(4.0 / 3);
        double rare = Math.log(2);
        double user1Norm = common * Math.sqrt(50);
        double user2Norm = Math.sqrt(common * common * 32 + rare * rare * 25);
        assertThat(weighted.similarity("User1", "User2"))
                .isCloseTo(32 * common * common / (user1Norm * user2Norm), within(1e-12));
        // Scaling every entry of two users alike leaves their cosine: User1 and User4 share only common items.
        assertThat(weighted.similarity("User1", "User4")).isCloseTo(Math.sqrt(41.0 / 50), within(1e-12));
    }

    @Test
    void binaryWeightingIgnoresRatingValues() {
        UserSimilarity<String, String> binary =
                UserSimilarity.train(seedMatrix(), new Settings(3, Weighting.BINARY, false));

        // User1 = (1,1,0,1), User2 = (1,0,1,1): 2 / (√3 · √3).
        assertThat(binary.similarity("User1", "User2")).isCloseTo(2.0 / 3, within(1e-12));
    }
}
