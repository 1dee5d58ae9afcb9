package dev.bazaar.recommendation.internal.algorithms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The seed's popularity score over a recent window: views × 0.3 + purchases × 0.5 + rating × 0.2, overall and per
 * category. It is what a user without history sees, and what every list falls back to.
 */
public final class PopularityScore {

    /** The weight of each signal; {@link #SEED} is the seed's formula. */
    public record Weights(double views, double purchases, double rating) {

        public static final Weights SEED = new Weights(0.3, 0.5, 0.2);

        public Weights {
            if (views < 0 || purchases < 0 || rating < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
        }
    }

    /** An item's activity within the window, and its average rating (0 when unrated). */
    public record Activity<I>(I item, String category, long views, long purchases, double rating) {}

    /** A behaviour event; only views and purchases count towards popularity. */
    public record Event<I>(I item, EventType type, Instant at) {}

    public enum EventType {
        VIEW,
        ADD_TO_CART,
        REMOVE_FROM_CART,
        PURCHASE,
        REVIEW
    }

    private final Weights weights;

    public PopularityScore(Weights weights) {
        this.weights = weights;
    }

    public double score(long views, long purchases, double rating) {
        return views * weights.views() + purchases * weights.purchases() + rating * weights.rating();
    }

    public double score(Activity<?> activity) {
        return score(activity.views(), activity.purchases(), activity.rating());
    }

    /** The n most popular items, best first (ties in the given order). */
    public <I> List<ScoredItem<I>> top(Collection<Activity<I>> activities, int n) {
        return activities.stream()
                .map(activity -> ScoredItem.of(activity.item(), score(activity)))
                .sorted(Comparator.comparingDouble((ScoredItem<I> s) -> s.score())
                        .reversed())
                .limit(n)
                .toList();
    }

    /** The n most popular items of each category, categories in name order. */
    public <I> Map<String, List<ScoredItem<I>>> topByCategory(Collection<Activity<I>> activities, int n) {
        Map<String, List<Activity<I>>> byCategory = new TreeMap<>();
        for (Activity<I> activity : activities) {
            byCategory
                    .computeIfAbsent(activity.category(), category -> new ArrayList<>())
                    .add(activity);
        }
        Map<String, List<ScoredItem<I>>> result = new LinkedHashMap<>();
        byCategory.forEach((category, members) -> result.put(category, top(members, n)));
        return result;
    }

    /**
     * Counts views and purchases per item over (now − window, now]; items with neither are left out. Category and
     * rating come from the catalog.
     */
    public static <I> List<Activity<I>> tally(
            Iterable<Event<I>> events,
            Instant now,
            Duration window,
            Function<I, String> category,
            Function<I, Double> rating) {
        Instant from = now.minus(window);
        Map<I, long[]> counts = new LinkedHashMap<>();
        for (Event<I> event : events) {
            if (!event.at().isAfter(from) || event.at().isAfter(now)) {
                continue;
            }
            int slot = switch (event.type()) {
                case VIEW -> 0;
                case PURCHASE -> 1;
                default -> -1;
            };
            if (slot >= 0) {
                counts.computeIfAbsent(event.item(), item -> new long[2])[slot]++;
            }
        }
        List<Activity<I>> activities = new ArrayList<>(counts.size());
        counts.forEach((item, viewsAndPurchases) -> activities.add(new Activity<>(
                item, category.apply(item), viewsAndPurchases[0], viewsAndPurchases[1], rating.apply(item))));
        return activities;
    }
}
