package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.PopularityScore;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore.Activity;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore.Event;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore.EventType;
import dev.bazaar.recommendation.internal.algorithms.PopularityScore.Weights;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's popularity score: views × 0.3 + purchases × 0.5 + rating × 0.2. */
class PopularityScoreTest {

    private final PopularityScore popularity = new PopularityScore(Weights.SEED);

    @Test
    void scoresTheSeedsExample() {
        assertThat(popularity.score(1000, 100, 4.5)).isCloseTo(350.9, within(1e-9));
        assertThat(popularity.score(500, 200, 4.8)).isCloseTo(250.96, within(1e-9));
    }

    @Test
    void ranksOverallAndPerCategory() {
        List<Activity<String>> activity = List.of(
                new Activity<>("Product2", "electronics", 500, 200, 4.8),
                new Activity<>("Product1", "electronics", 1000, 100, 4.5),
                new Activity<>("Scarf", "clothing", 10, 2, 5.0),
                new Activity<>("Hat", "clothing", 40, 1, 3.0));

        assertThat(popularity.top(activity, 3))
                .extracting(ScoredItem::item)
                .containsExactly("Product1", "Product2", "Hat");
        Map<String, List<ScoredItem<String>>> byCategory = popularity.topByCategory(activity, 1);
        assertThat(byCategory).containsOnlyKeys("clothing", "electronics");
        assertThat(byCategory.get("electronics")).extracting(ScoredItem::item).containsExactly("Product1");
        // Hat: 12 + 0.5 + 0.6 = 13.1; Scarf: 3 + 1 + 1 = 5.
        assertThat(byCategory.get("clothing").getFirst().score()).isCloseTo(13.1, within(1e-9));
    }

    @Test
    void talliesViewsAndPurchasesInTheWindowOnly() {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        List<Event<String>> events = List.of(
                new Event<>("mug", EventType.VIEW, now.minus(Duration.ofHours(1))),
                new Event<>("mug", EventType.VIEW, now.minus(Duration.ofDays(2))),
                new Event<>("mug", EventType.PURCHASE, now.minus(Duration.ofDays(3))),
                new Event<>("mug", EventType.ADD_TO_CART, now.minus(Duration.ofDays(1))),
                new Event<>("mug", EventType.VIEW, now.minus(Duration.ofDays(8))), // outside the week
                new Event<>("lamp", EventType.REVIEW, now.minus(Duration.ofDays(1))),
                new Event<>("vase", EventType.PURCHASE, now.plus(Duration.ofDays(1)))); // in the future

        List<Activity<String>> activity =
                PopularityScore.tally(events, now, Duration.ofDays(7), item -> "home", item -> 4.0);

        assertThat(activity).containsExactly(new Activity<>("mug", "home", 2, 1, 4.0));
        assertThat(popularity.score(activity.getFirst())).isCloseTo(2 * 0.3 + 0.5 + 4.0 * 0.2, within(1e-12));
    }
}
