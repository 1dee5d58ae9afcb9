package dev.bazaar.recommendation.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bazaar.recommendation.internal.algorithms.Interactions;
import dev.bazaar.recommendation.internal.algorithms.RecencyDecay;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sparse interaction matrix the collaborative algorithms share, and recency weights for it. */
class InteractionsTest {

    @Test
    void accumulatesWeightsPerUserAndItem() {
        Interactions.Builder<Long, String> builder = Interactions.builder();
        builder.add(7L, "mug", 1).add(7L, "lamp", 2).add(7L, "mug", 1).add(9L, "mug", 0.5);
        builder.addItem("vase");
        Interactions<Long, String> interactions = builder.build();

        assertThat(interactions.userCount()).isEqualTo(2);
        assertThat(interactions.itemCount()).isEqualTo(3);
        assertThat(interactions.size()).isEqualTo(3);
        assertThat(interactions.itemsOf(7L)).containsExactly(Map.entry("mug", 2.0), Map.entry("lamp", 2.0));
        assertThat(interactions.itemsOf(8L)).isEmpty();
        assertThat(interactions.userCountOf("mug")).isEqualTo(2);
        assertThat(interactions.userCountOf("vase")).isZero();
        assertThat(interactions.hasItem("vase")).isTrue();
        assertThat(interactions.hasUser(9L)).isTrue();
        assertThatThrownBy(() -> builder.add(1L, "mug", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsWeightsThatAreNotPositive() {
        Interactions.Builder<Long, String> builder = Interactions.builder();

        assertThatThrownBy(() -> builder.add(1L, "mug", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(1L, "mug", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recencyHalvesEachHalfLife() {
        RecencyDecay decay = RecencyDecay.ofDays(14);
        Instant now = Instant.parse("2011-11-09T00:00:00Z");

        assertThat(decay.weight(now, now)).isEqualTo(1.0);
        assertThat(decay.weight(now.minus(Duration.ofDays(14)), now)).isCloseTo(0.5, within(1e-12));
        assertThat(decay.weight(now.minus(Duration.ofDays(42)), now)).isCloseTo(0.125, within(1e-12));
        assertThat(decay.weight(now.plus(Duration.ofDays(1)), now)).isEqualTo(1.0);
    }
}
