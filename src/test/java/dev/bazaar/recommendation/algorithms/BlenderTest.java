package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.Blender;
import dev.bazaar.recommendation.internal.algorithms.Blender.BlendedItem;
import dev.bazaar.recommendation.internal.algorithms.Blender.Settings;
import dev.bazaar.recommendation.internal.algorithms.Blender.Source;
import dev.bazaar.recommendation.internal.algorithms.ScoredItem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Blending candidate lists: normalisation, weights, exclusions, cold start, diversity and reasons. */
class BlenderTest {

    private static final Map<String, String> TITLES = Map.of(
            "mug", "Red Spotty Mug",
            "teapot", "Blue Teapot",
            "lamp", "Star Lamp");
    private static final Map<String, String> CATEGORIES = Map.of(
            "mug", "Kitchen",
            "teapot", "Kitchen",
            "cup", "Kitchen",
            "jug", "Kitchen",
            "plate", "Kitchen",
            "lamp", "Lighting",
            "lantern", "Lighting",
            "candle", "Candles");

    private static Blender<String> blender(Map<Source, Double> weights, int maxPerCategory) {
        return new Blender<>(new Settings(weights, maxPerCategory), TITLES::get, CATEGORIES::get);
    }

    private static final Map<Source, Double> EQUAL =
            Map.of(Source.ITEM_BASED, 1.0, Source.USER_BASED, 1.0, Source.POPULAR, 1.0);

    @Test
    void normalisesEachSourceToItsBestScoreThenWeighs() {
        // Item-based scores 2 and 1 become 1 and 0.5; user-based 10 and 5 become 1 and 0.5.
        Map<Source, List<ScoredItem<String>>> candidates = Map.of(
                Source.ITEM_BASED, List.of(ScoredItem.of("cup", 2.0), ScoredItem.of("jug", 1.0)),
                Source.USER_BASED, List.of(ScoredItem.of("jug", 10.0), ScoredItem.of("lamp", 5.0)));

        List<BlendedItem<String>> blended = blender(EQUAL, 0).blend(candidates, Set.of(), 10);

        assertThat(blended).extracting(BlendedItem::item).containsExactly("jug", "cup", "lamp");
        assertThat(blended.get(0).score()).isCloseTo(1.5, within(1e-12));
        assertThat(blended.get(0).source()).isEqualTo(Source.USER_BASED);
        assertThat(blended.get(0).reason()).isEqualTo("Users with similar preferences also bought this");
        assertThat(blended.get(1).reason()).isEqualTo("Similar to items you viewed");

        // Tripling the item-based weight puts cup (3 × 1) ahead of jug (3 × 0.5 + 1).
        List<BlendedItem<String>> itemHeavy = blender(Map.of(Source.ITEM_BASED, 3.0, Source.USER_BASED, 1.0), 0)
                .blend(candidates, Set.of(), 10);
        assertThat(itemHeavy).extracting(BlendedItem::item).containsExactly("cup", "jug", "lamp");
        assertThat(itemHeavy.get(0).score()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void neverReturnsExcludedItems() {
        Map<Source, List<ScoredItem<String>>> candidates = Map.of(
                Source.ITEM_BASED, List.of(ScoredItem.of("mug", 3.0), ScoredItem.of("cup", 2.0)),
                Source.POPULAR, List.of(ScoredItem.of("mug", 100.0), ScoredItem.of("lamp", 50.0)));

        List<BlendedItem<String>> blended = blender(EQUAL, 0).blend(candidates, Set.of("mug"), 10);

        assertThat(blended).extracting(BlendedItem::item).containsExactlyInAnyOrder("cup", "lamp");
    }

    @Test
    void coldStartFallsBackToPopular() {
        List<ScoredItem<String>> popular = List.of(ScoredItem.of("lamp", 40.0), ScoredItem.of("mug", 30.0));
        Map<Source, List<ScoredItem<String>>> noHistory = Map.of(
                Source.ITEM_BASED, List.of(),
                Source.USER_BASED, List.of(),
                Source.POPULAR, popular);
        // Popular weighs 0 in this blend; a user nobody can personalise for still gets the popular list.
        Map<Source, Double> personalOnly = Map.of(Source.ITEM_BASED, 1.0, Source.USER_BASED, 1.0);

        List<BlendedItem<String>> blended = blender(personalOnly, 0).blend(noHistory, Set.of(), 10);

        assertThat(blended).extracting(BlendedItem::item).containsExactly("lamp", "mug");
        assertThat(blended).extracting(BlendedItem::source).containsOnly(Source.POPULAR);
        assertThat(blended)
                .extracting(BlendedItem::reason)
                .containsExactly("Popular in Lighting", "Popular in Kitchen");

        // Personal candidates that are all excluded (already bought) count as none.
        Map<Source, List<ScoredItem<String>>> onlyOwned =
                Map.of(Source.ITEM_BASED, List.of(ScoredItem.of("cup", 1.0)), Source.POPULAR, popular);
        assertThat(blender(personalOnly, 0).blend(onlyOwned, Set.of("cup"), 10))
                .extracting(BlendedItem::item)
                .containsExactly("lamp", "mug");
    }

    @Test
    void capsEachCategoryAndTopsUpWhenCandidatesRunOut() {
        List<ScoredItem<String>> scored = List.of(
                ScoredItem.of("mug", 9.0),
                ScoredItem.of("teapot", 8.0),
                ScoredItem.of("cup", 7.0),
                ScoredItem.of("jug", 6.0),
                ScoredItem.of("lamp", 5.0),
                ScoredItem.of("plate", 4.0),
                ScoredItem.of("candle", 3.0));
        Map<Source, List<ScoredItem<String>>> candidates = Map.of(Source.ITEM_BASED, scored);

        List<BlendedItem<String>> diverse = blender(EQUAL, 2).blend(candidates, Set.of(), 4);

        // Kitchen takes 2 places; lamp and candle rank below cup and jug but get the others.
        assertThat(diverse).extracting(BlendedItem::item).containsExactly("mug", "teapot", "lamp", "candle");
        // Six places from three categories capped at two each: only four fit, and the cap gives way for the rest.
        List<BlendedItem<String>> topped = blender(EQUAL, 2).blend(candidates, Set.of(), 6);
        assertThat(topped)
                .extracting(BlendedItem::item)
                .containsExactly("mug", "teapot", "lamp", "candle", "cup", "jug");
        // Without a cap the list is by score.
        assertThat(blender(EQUAL, 0).blend(candidates, Set.of(), 4))
                .extracting(BlendedItem::item)
                .containsExactly("mug", "teapot", "cup", "jug");
    }

    @Test
    void explainsEachSource() {
        Map<Source, List<ScoredItem<String>>> candidates = Map.of(
                Source.BOUGHT_TOGETHER, List.of(new ScoredItem<>("teapot", 0.8, List.of("mug"))),
                Source.CONTENT_BASED, List.of(ScoredItem.of("lantern", 0.5)),
                Source.POPULAR, List.of(ScoredItem.of("candle", 10.0)));
        Map<Source, Double> weights =
                Map.of(Source.BOUGHT_TOGETHER, 1.0, Source.CONTENT_BASED, 0.9, Source.POPULAR, 0.8);

        List<BlendedItem<String>> blended = blender(weights, 0).blend(candidates, Set.of(), 10);

        assertThat(blended)
                .extracting(BlendedItem::reason)
                .containsExactly(
                        "Frequently bought with Red Spotty Mug",
                        "Matches your interest in Lighting",
                        "Popular in Candles");
    }
}
