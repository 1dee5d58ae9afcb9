package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.ContentCandidates;
import dev.bazaar.recommendation.internal.algorithms.ContentProfile;
import dev.bazaar.recommendation.internal.algorithms.ContentProfile.Settings;
import dev.bazaar.recommendation.internal.algorithms.ProductFeatures;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Content-based scores: category weight × brand weight × price fit, with the seed's example. */
class ContentProfileTest {

    private static final ProductFeatures<String> PRODUCT1 = product("Product1", "electronics", "Apple", "1000");
    private static final ProductFeatures<String> PRODUCT2 = product("Product2", "electronics", "Samsung", "800");
    private static final ProductFeatures<String> PRODUCT3 = product("Product3", "clothing", "Nike", "50");

    /**
     * The seed's profile {electronics: 0.8, Apple: 0.9, price_range: [500-1500]} and its scores 0.72, 0.24 and
     * 0.00. They imply clothing 0.1, Samsung 0.3 and Nike 0, and a price fit of 0.5 for 50 against 500-1,500.
     * Samsung's 0.3 must be a weight in the profile, not a floor for unseen brands: a floor would also lift Nike
     * above 0. So this profile lists Samsung and has no brand floor.
     */
    private static ContentProfile seedProfile() {
        return ContentProfile.of(
                Map.of("electronics", 0.8, "clothing", 0.1),
                Map.of("Apple", 0.9, "Samsung", 0.3),
                new BigDecimal("500"),
                new BigDecimal("1500"),
                Settings.defaults().withBrandFloor(0));
    }

    @Test
    void scoresTheSeedsExample() {
        ContentProfile profile = seedProfile();

        assertThat(profile.score(PRODUCT1)).isCloseTo(0.72, within(1e-12)); // 0.8 × 0.9 × 1.0
        assertThat(profile.score(PRODUCT2)).isCloseTo(0.24, within(1e-12)); // 0.8 × 0.3 × 1.0
        assertThat(profile.score(PRODUCT3)).isZero(); // 0.1 × 0.0 × 0.5
        assertThat(profile.priceFit(new BigDecimal("50"))).isEqualTo(0.5);
        assertThat(profile.categoryWeight("clothing")).isEqualTo(0.1);
        assertThat(profile.recommend(List.of(PRODUCT3, PRODUCT2, PRODUCT1), 10, Set.of()))
                .extracting(ScoredItem::item)
                .containsExactly("Product1", "Product2");
    }

    @Test
    void priceFitFallsWithDistanceFromTheRangeDownToTheFloor() {
        ContentProfile profile = seedProfile();

        assertThat(profile.priceFit(new BigDecimal("500"))).isEqualTo(1.0);
        assertThat(profile.priceFit(new BigDecimal("1500"))).isEqualTo(1.0);
        assertThat(profile.priceFit(new BigDecimal("400"))).isEqualTo(0.8); // 400 / 500
        assertThat(profile.priceFit(new BigDecimal("2000"))).isEqualTo(0.75); // 1500 / 2000
        assertThat(profile.priceFit(new BigDecimal("6000"))).isEqualTo(0.5); // 0.25, floored
    }

    @Test
    void buildsTheProfileFromAHistory() {
        // One purchase at 1,000 gives the seed's range: half of it to one and a half times it.
        ContentProfile single = ContentProfile.fromHistory(List.of(PRODUCT1), Settings.defaults());
        assertThat(single.lowPrice()).isEqualByComparingTo("500");
        assertThat(single.highPrice()).isEqualByComparingTo("1500");

        List<ProductFeatures<String>> history = List.of(
                product("a", "electronics", "Apple", "900"),
                product("b", "electronics", "Apple", "1100"),
                product("c", "electronics", "Samsung", "1000"),
                product("d", "clothing", "Nike", "60"),
                product("b", "electronics", "Apple", "1100")); // bought twice, counts twice
        ContentProfile profile = ContentProfile.fromHistory(history, Settings.defaults());

        assertThat(profile.categoryWeight("electronics")).isCloseTo(0.8, within(1e-12));
        assertThat(profile.categoryWeight("clothing")).isCloseTo(0.2, within(1e-12));
        assertThat(profile.categoryWeight("garden")).isZero();
        assertThat(profile.brandWeight("Apple")).isCloseTo(0.6, within(1e-12));
        assertThat(profile.brandWeight("Samsung")).isCloseTo(0.2, within(1e-12));
        // An unseen brand gets the floor (0.1 by default), so it is not ruled out.
        assertThat(profile.brandWeight("Sony")).isEqualTo(0.1);
        // Prices 60, 900, 1000, 1100, 1100: 10th percentile (nearest rank 1) 60, 90th (rank 5) 1,100.
        assertThat(profile.lowPrice()).isEqualByComparingTo("30");
        assertThat(profile.highPrice()).isEqualByComparingTo("1650");
    }

    @Test
    void recommendsWithoutExcludedItemsAndKeepsTheCallersOrderOnTies() {
        ContentProfile profile = ContentProfile.fromHistory(List.of(PRODUCT1), Settings.defaults());
        List<ProductFeatures<String>> candidates = List.of(
                product("x", "electronics", "Apple", "900"),
                product("y", "electronics", "Apple", "950"),
                PRODUCT1,
                product("z", "garden", "Apple", "900"));

        List<ScoredItem<String>> recommended = profile.recommend(candidates, 10, Set.of("Product1"));

        assertThat(recommended).extracting(ScoredItem::item).containsExactly("x", "y");
        assertThat(ContentProfile.fromHistory(List.of(), Settings.defaults()).isEmpty())
                .isTrue();
    }

    @Test
    void ranksCandidatesOfSeveralCategoriesAsIfEveryCandidateWereScored() {
        // electronics 0.8, clothing 0.1 and 0.2 for garden's only purchase: candidates interleave the categories,
        // ties must keep the callers' order across categories, and an unweighted category never appears.
        ContentProfile profile = seedProfile();
        List<ProductFeatures<String>> candidates = List.of(
                product("shirt", "clothing", "Apple", "1000"),
                product("phone", "electronics", "Apple", "1000"),
                product("rake", "garden", "Apple", "1000"),
                product("tablet", "electronics", "Apple", "1200"),
                product("cheap phone", "electronics", "Apple", "250"),
                product("jacket", "clothing", "Apple", "900"),
                product("tv", "electronics", "Samsung", "1000"));

        List<ScoredItem<String>> recommended =
                profile.recommend(ContentCandidates.of(candidates), 10, Set.of("tablet"));

        // phone 0.72, cheap phone 0.8 × 0.9 × 0.5 = 0.36, tv 0.24, shirt and jacket 0.09 (shirt first: listed first)
        assertThat(recommended)
                .extracting(ScoredItem::item)
                .containsExactly("phone", "cheap phone", "tv", "shirt", "jacket");
        assertThat(recommended.get(1).score()).isCloseTo(0.36, within(1e-9));
        assertThat(recommended)
                .isEqualTo(candidates.stream()
                        .filter(candidate -> !candidate.item().equals("tablet"))
                        .map(candidate -> ScoredItem.of(candidate.item(), profile.score(candidate)))
                        .filter(scored -> scored.score() > 0)
                        .sorted(java.util.Comparator.comparingDouble(ScoredItem<String>::score)
                                .reversed())
                        .toList());
    }

    private static ProductFeatures<String> product(String id, String category, String brand, String price) {
        return new ProductFeatures<>(id, category, brand, new BigDecimal(price));
    }
}
