package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.AssociationRules;
import dev.bazaar.recommendation.internal.algorithms.AssociationRules.Rule;
import dev.bazaar.recommendation.internal.algorithms.AssociationRules.Thresholds;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with R's arules on the Groceries data: {@code apriori(Groceries, parameter = list(supp = 0.001, conf =
 * 0.5))}. The expected figures are arules' printed output as published in several independent write-ups of that
 * call (Chiu, "Machine Learning with R Cookbook", Packt 2015, ch. "Association analysis"; J. T. Pierce,
 * "Association Rules Mining with the Apriori Algorithm", 2017; and others): "set of 5668 rules", the rule length
 * distribution 2:11, 3:1461, 4:3211, 5:939, 6:46, support from 0.001017 to 0.022267, lift up to 18.996, and the
 * rules checked below with arules' 7 significant digits.
 */
class GroceriesAssociationRulesTest {

    /** A gzipped copy of shared/data/groceries.csv (the arules "Groceries" data), so the test runs anywhere. */
    private static final String GROCERIES = "/recommendation/groceries.csv.gz";

    private static final int BASKETS = 9_835;

    private static AssociationRules<String> rules;
    private static Duration miningTime;
    private static Map<String, Integer> itemCounts;

    @BeforeAll
    static void mineGroceries() throws IOException {
        // Several item names carry a trailing space in the file ("cream cheese "); arules' labels are trimmed here.
        List<String> lines;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(java.util.Objects.requireNonNull(
                        GroceriesAssociationRulesTest.class.getResourceAsStream(GROCERIES))),
                java.nio.charset.StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        List<Set<String>> baskets = lines.stream()
                .map(line -> Arrays.stream(line.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .collect(Collectors.toSet()))
                .toList();
        itemCounts = new HashMap<>();
        baskets.forEach(basket -> basket.forEach(item -> itemCounts.merge(item, 1, Integer::sum)));
        long start = System.nanoTime();
        rules = AssociationRules.mine(baskets, Thresholds.of(0.001, 0.5));
        miningTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void findsArulesRuleCountAndLengthDistribution() {
        assertThat(rules.basketCount()).isEqualTo(BASKETS);
        assertThat(itemCounts).hasSize(169);
        assertThat(rules.rules()).hasSize(5_668);
        Map<Integer, Long> byLength = rules.rules().stream()
                .collect(Collectors.groupingBy(Rule::length, TreeMap::new, Collectors.counting()));
        assertThat(byLength)
                .containsExactly(
                        Map.entry(2, 11L),
                        Map.entry(3, 1_461L),
                        Map.entry(4, 3_211L),
                        Map.entry(5, 939L),
                        Map.entry(6, 46L));
    }

    @Test
    void qualityRangesMatchArulesSummary() {
        double minSupport =
                rules.rules().stream().mapToDouble(Rule::support).min().orElseThrow();
        double maxSupport =
                rules.rules().stream().mapToDouble(Rule::support).max().orElseThrow();
        double minLift = rules.rules().stream().mapToDouble(Rule::lift).min().orElseThrow();
        double maxLift = rules.rules().stream().mapToDouble(Rule::lift).max().orElseThrow();
        double minConfidence =
                rules.rules().stream().mapToDouble(Rule::confidence).min().orElseThrow();
        // summary(rules): support Min 0.001017 Max 0.022267; confidence Min 0.5000; lift Min 1.957 Max 18.996.
        assertThat(minSupport).isCloseTo(0.001017, within(5e-7));
        assertThat(maxSupport).isCloseTo(0.022267, within(5e-7));
        assertThat(minConfidence).isEqualTo(0.5);
        assertThat(minLift).isCloseTo(1.957, within(5e-4));
        assertThat(maxLift).isCloseTo(18.996, within(5e-4));
        // The support threshold in counts: 0.001 × 9,835 = 9.835, so 10 baskets, never 9.
        assertThat(rules.rules().stream().mapToInt(Rule::count).min().orElseThrow())
                .isEqualTo(10);
    }

    @Test
    void reproducesPublishedRules() {
        // inspect(head(rules)) in arules' own order (by itemset), and the top rules by lift and by confidence.
        assertRule(List.of("honey"), "whole milk", 0.001118454, 0.7333333, 2.870009);
        assertRule(List.of("tidbits"), "rolls/buns", 0.001220132, 0.5217391, 2.836542);
        assertRule(List.of("cocoa drinks"), "whole milk", 0.001321810, 0.5909091, 2.312611);
        assertRule(List.of("cereals"), "whole milk", 0.003660397, 0.6428571, 2.515917);
        assertRule(List.of("specialty cheese"), "other vegetables", 0.004270463, 0.5, 2.584078);
        assertRule(List.of("rice"), "whole milk", 0.004677173, 0.6133333, 2.400371);
        assertRule(List.of("Instant food products", "soda"), "hamburger meat", 0.001220132, 0.6315789, 18.99565);
        assertRule(List.of("popcorn", "soda"), "salty snack", 0.001220132, 0.6315789, 16.69779);
        assertRule(List.of("baking powder", "flour"), "sugar", 0.001016777, 0.5555556, 16.40807);
        assertRule(List.of("ham", "processed cheese"), "white bread", 0.001931876, 0.6333333, 15.04549);
        assertRule(List.of("Instant food products", "whole milk"), "hamburger meat", 0.001525165, 0.5, 15.03823);
        assertRule(
                List.of("curd", "other vegetables", "whipped/sour cream", "yogurt"),
                "cream cheese",
                0.001016777,
                0.5882353,
                14.83409);
        assertRule(List.of("rice", "sugar"), "whole milk", 0.001220132, 1.0, 3.913649);
        assertRule(List.of("canned fish", "hygiene articles"), "whole milk", 0.001118454, 1.0, 3.913649);
        assertRule(List.of("butter", "rice", "root vegetables"), "whole milk", 0.001016777, 1.0, 3.913649);
        assertRule(
                List.of("citrus fruit", "root vegetables", "soft cheese"),
                "other vegetables",
                0.001016777,
                1.0,
                5.168156);
        assertRule(List.of("liquor", "red/blush wine"), "bottled beer", 0.001931876, 0.9047619, 11.235269);
    }

    @Test
    void topRulesByLiftAreArulesTopSix() {
        // inspect(head(sort(rules, by = "lift"))), with arules' count column.
        List<Rule<String>> topByLift = rules.rules().stream()
                .sorted((a, b) -> Double.compare(b.lift(), a.lift()))
                .limit(6)
                .toList();
        assertThat(topByLift)
                .extracting(Rule::consequent)
                .containsExactly(
                        "hamburger meat", "salty snack", "sugar", "white bread", "hamburger meat", "cream cheese");
        assertThat(topByLift).extracting(Rule::count).containsExactly(12, 12, 10, 19, 15, 10);
    }

    @Test
    void measuresAreConsistent() {
        for (Rule<String> rule : rules.rules()) {
            double consequentSupport = (double) itemCounts.get(rule.consequent()) / BASKETS;
            assertThat(rule.support()).isEqualTo((double) rule.count() / BASKETS);
            assertThat(rule.lift()).isCloseTo(rule.confidence() / consequentSupport, within(1e-9));
            assertThat(rule.support()).isLessThanOrEqualTo(rule.confidence());
            assertThat(rule.antecedent()).doesNotContain(rule.consequent());
        }
    }

    @Test
    void minesInAFewSeconds() {
        assertThat(miningTime).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void servesFrequentlyBoughtTogetherForAProduct() {
        List<ScoredItem<String>> withRice = rules.boughtWith("rice", 3);

        // {rice} => {whole milk} (0.613) and {rice} => {other vegetables} (0.52) are the single-item rules.
        assertThat(withRice).extracting(ScoredItem::item).startsWith("whole milk", "other vegetables");
        assertThat(withRice.get(0).score()).isCloseTo(0.6133333, within(5e-7));
        assertThat(withRice.get(0).because()).containsExactly("rice");
        assertThat(withRice)
                .extracting(ScoredItem::item)
                .doesNotHaveDuplicates()
                .doesNotContain("rice");
    }

    @Test
    void recommendsFromABasketWithoutItsItems() {
        List<ScoredItem<String>> forBasket = rules.recommend(List.of("rice", "sugar"), 5, Set.of());

        assertThat(forBasket.get(0).item()).isEqualTo("whole milk");
        assertThat(forBasket.get(0).score()).isEqualTo(1.0);
        assertThat(forBasket.get(0).because()).containsExactlyInAnyOrder("rice", "sugar");
        assertThat(forBasket).extracting(ScoredItem::item).doesNotContain("rice", "sugar");

        List<ScoredItem<String>> excludingMilk = rules.recommend(List.of("rice", "sugar"), 5, Set.of("whole milk"));
        assertThat(excludingMilk).extracting(ScoredItem::item).doesNotContain("whole milk", "rice", "sugar");
    }

    private static void assertRule(
            List<String> antecedent, String consequent, double support, double confidence, double lift) {
        Rule<String> rule = rules.rules().stream()
                .filter(r -> r.consequent().equals(consequent)
                        && r.antecedent().size() == antecedent.size()
                        && r.antecedent().containsAll(antecedent))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + antecedent + " => " + consequent));
        // arules prints 7 significant digits.
        assertThat(rule.support()).as("support").isCloseTo(support, within(5e-10));
        assertThat(rule.confidence()).as("confidence").isCloseTo(confidence, within(5e-8));
        assertThat(rule.lift()).as("lift").isCloseTo(lift, within(lift >= 10 ? 5e-6 : 5e-7));
    }
}
