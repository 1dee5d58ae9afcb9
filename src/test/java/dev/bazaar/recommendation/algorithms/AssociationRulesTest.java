package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.AssociationRules;
import dev.bazaar.recommendation.internal.algorithms.AssociationRules.Rule;
import dev.bazaar.recommendation.internal.algorithms.AssociationRules.Thresholds;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Association rules on a basket fixture small enough to count by hand. */
class AssociationRulesTest {

    /*
     * 5 baskets. Counts: laptop 4, bag 3, mouse 3, keyboard 2; {laptop, bag} 3, {laptop, mouse} 3,
     * {laptop, keyboard} 1, {bag, mouse} 2, {mouse, keyboard} 1, {laptop, bag, mouse} 2.
     */
    private static final List<List<String>> BASKETS = List.of(
            List.of("laptop", "bag", "mouse"),
            List.of("laptop", "bag", "mouse"),
            List.of("laptop", "bag"),
            List.of("laptop", "mouse", "keyboard"),
            List.of("keyboard", "keyboard"));

    @Test
    void computesSupportConfidenceAndLift() {
        AssociationRules<String> rules = AssociationRules.mine(BASKETS, Thresholds.of(0.4, 0.6));

        // laptop ⇒ bag: count 3, support 3/5, confidence 3/4, lift (3/4) / (3/5) = 1.25.
        Rule<String> laptopBag = rule(rules, List.of("laptop"), "bag").orElseThrow();
        assertThat(laptopBag.count()).isEqualTo(3);
        assertThat(laptopBag.support()).isEqualTo(0.6);
        assertThat(laptopBag.confidence()).isEqualTo(0.75);
        assertThat(laptopBag.lift()).isCloseTo(1.25, within(1e-12));
        // bag ⇒ laptop: confidence 3/3 = 1, lift 1 / (4/5) = 1.25.
        Rule<String> bagLaptop = rule(rules, List.of("bag"), "laptop").orElseThrow();
        assertThat(bagLaptop.confidence()).isEqualTo(1.0);
        assertThat(bagLaptop.lift()).isCloseTo(1.25, within(1e-12));
        // {bag, mouse} ⇒ laptop: count 2 (support 0.4, at the threshold), confidence 2/2.
        Rule<String> pair = rule(rules, List.of("bag", "mouse"), "laptop").orElseThrow();
        assertThat(pair.support()).isEqualTo(0.4);
        assertThat(pair.confidence()).isEqualTo(1.0);
        // mouse ⇒ bag: confidence 2/3 passes 0.6; laptop ⇒ {bag, mouse} would need two consequents.
        assertThat(rule(rules, List.of("mouse"), "bag")).isPresent();
        // keyboard ⇒ laptop: {laptop, keyboard} is in 1 basket of 5, below support 0.4.
        assertThat(rule(rules, List.of("keyboard"), "laptop")).isEmpty();
        // {} ⇒ laptop: a one-item rule as in arules (minlen 1); its confidence is laptop's support, 0.8.
        Rule<String> empty = rule(rules, List.of(), "laptop").orElseThrow();
        assertThat(empty.confidence()).isEqualTo(0.8);
        assertThat(empty.lift()).isEqualTo(1.0);
        // A duplicated item in a basket counts once: keyboard is in 2 baskets, so {} ⇒ keyboard has confidence
        // 0.4 < 0.6 (counted twice it would reach 0.6).
        assertThat(rule(rules, List.of(), "keyboard")).isEmpty();
    }

    @Test
    void thresholdsAreInclusiveAndExact() {
        // 0.4 × 5 = 2 baskets exactly: itemsets in 2 baskets are frequent, and confidence 2/3 >= 2/3 passes.
        AssociationRules<String> rules = AssociationRules.mine(BASKETS, Thresholds.of(0.4, 2.0 / 3));
        assertThat(rule(rules, List.of("mouse"), "bag")).isPresent();
        // Raising support to 0.41 needs ceil(2.05) = 3 baskets.
        AssociationRules<String> stricter = AssociationRules.mine(BASKETS, Thresholds.of(0.41, 0.5));
        assertThat(stricter.rules()).allSatisfy(rule -> assertThat(rule.count()).isGreaterThanOrEqualTo(3));
        assertThat(rule(stricter, List.of("laptop"), "bag")).isPresent();
    }

    @Test
    void honoursLengthAndLiftLimits() {
        AssociationRules<String> pairsOnly =
                AssociationRules.mine(BASKETS, Thresholds.of(0.4, 0.5).withLength(2, 2));
        assertThat(pairsOnly.rules())
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.length()).isEqualTo(2));

        AssociationRules<String> lifted =
                AssociationRules.mine(BASKETS, Thresholds.of(0.4, 0.5).withMinLift(1.2));
        assertThat(lifted.rules())
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.lift()).isGreaterThanOrEqualTo(1.2));
        // mouse ⇒ laptop has lift (3/3) / (4/5) = 1.25; laptop ⇒ mouse (3/4) / (3/5) = 1.25; {} ⇒ x has lift 1.
        assertThat(lifted.rules())
                .noneSatisfy(rule -> assertThat(rule.antecedent()).isEmpty());
    }

    @Test
    void rulesAreStrongestFirst() {
        List<Rule<String>> rules =
                AssociationRules.mine(BASKETS, Thresholds.of(0.2, 0.1)).rules();
        for (int r = 1; r < rules.size(); r++) {
            assertThat(rules.get(r - 1).confidence())
                    .isGreaterThanOrEqualTo(rules.get(r).confidence());
        }
    }

    @Test
    void servesConsequentsOfAnItemBestFirst() {
        AssociationRules<String> rules = AssociationRules.mine(BASKETS, Thresholds.of(0.2, 0.3));

        List<ScoredItem<String>> withLaptop = rules.boughtWith("laptop", 2);

        // laptop ⇒ bag and laptop ⇒ mouse both have confidence 3/4 and lift 1.25; keyboard (1/4) is weaker.
        assertThat(withLaptop).extracting(ScoredItem::item).containsExactlyInAnyOrder("bag", "mouse");
        assertThat(withLaptop).allSatisfy(suggestion -> {
            assertThat(suggestion.score()).isEqualTo(0.75);
            assertThat(suggestion.because()).containsExactly("laptop");
        });
        assertThat(rules.boughtWith("unknown", 3)).isEmpty();
    }

    @Test
    void recommendsFromTheRulesABasketSatisfies() {
        AssociationRules<String> rules = AssociationRules.mine(BASKETS, Thresholds.of(0.2, 0.3));

        List<ScoredItem<String>> forBagAndMouse = rules.recommend(List.of("bag", "mouse"), 5, Set.of());

        // {bag, mouse} ⇒ laptop (confidence 1) beats everything; bag and mouse themselves are never suggested.
        assertThat(forBagAndMouse.getFirst().item()).isEqualTo("laptop");
        assertThat(forBagAndMouse.getFirst().score()).isEqualTo(1.0);
        assertThat(forBagAndMouse).extracting(ScoredItem::item).doesNotContain("bag", "mouse");
        assertThat(rules.recommend(List.of("bag", "mouse"), 5, Set.of("laptop")))
                .extracting(ScoredItem::item)
                .doesNotContain("laptop", "bag", "mouse");
    }

    @Test
    void rejectsInvalidThresholds() {
        assertThatThrownBy(() -> Thresholds.of(1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Thresholds.of(0.1, 0.5).withLength(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Optional<Rule<String>> rule(
            AssociationRules<String> rules, List<String> antecedent, String consequent) {
        return rules.rules().stream()
                .filter(r -> r.consequent().equals(consequent)
                        && r.antecedent().size() == antecedent.size()
                        && r.antecedent().containsAll(antecedent))
                .findFirst();
    }
}
