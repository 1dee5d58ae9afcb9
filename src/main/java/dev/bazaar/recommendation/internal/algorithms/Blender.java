package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Combines the candidate lists of several algorithms into one list a user sees. Each algorithm's scores are first
 * divided by its best score (scores are on incomparable scales: cosine sums, confidences, purchase counts), then
 * weighted and summed per item. Given items (purchased, in the cart) never appear; no category takes more than
 * {@code maxPerCategory} places while other categories have candidates; and a user no personal algorithm has
 * anything for (no history) gets the popular list. Each result says why, naming the source that contributed most.
 */
public final class Blender<I> {

    /** Where a candidate came from, and how that is explained to the user. */
    public enum Source {
        USER_BASED,
        ITEM_BASED,
        BOUGHT_TOGETHER,
        CONTENT_BASED,
        POPULAR
    }

    /**
     * @param weights each source's weight; a source without one is ignored
     * @param maxPerCategory most places one category may take (0: no limit)
     */
    public record Settings(Map<Source, Double> weights, int maxPerCategory) {

        public Settings {
            weights = Map.copyOf(weights);
            if (weights.values().stream().anyMatch(weight -> weight < 0) || maxPerCategory < 0) {
                throw new IllegalArgumentException("weights and the category cap must not be negative");
            }
        }

        /**
         * Weights chosen on a validation month of Online Retail (docs/recommendations.md): within noise of the
         * best variant, and every source keeps a say, so every kind of reason can appear.
         */
        public static Settings defaults() {
            return new Settings(
                    Map.of(
                            Source.ITEM_BASED, 1.0,
                            Source.USER_BASED, 1.0,
                            Source.BOUGHT_TOGETHER, 0.2,
                            Source.CONTENT_BASED, 0.2,
                            Source.POPULAR, 0.5),
                    3);
        }
    }

    /** One blended recommendation: its combined score, the source that contributed most, and why. */
    public record BlendedItem<I>(I item, double score, Source source, String reason) {}

    private final Settings settings;
    private final Function<I, String> titles;
    private final Function<I, String> categories;

    /**
     * @param titles an item's title, for "Frequently bought with <title>"
     * @param categories an item's category name, for diversity and "Popular in <category>"
     */
    public Blender(Settings settings, Function<I, String> titles, Function<I, String> categories) {
        this.settings = settings;
        this.titles = titles;
        this.categories = categories;
    }

    public List<BlendedItem<I>> blend(Map<Source, List<ScoredItem<I>>> candidates, Set<I> exclude, int n) {
        boolean personal = candidates.entrySet().stream()
                .anyMatch(entry -> entry.getKey() != Source.POPULAR
                        && weight(entry.getKey()) > 0
                        && entry.getValue().stream().anyMatch(c -> !exclude.contains(c.item())));
        Map<Source, List<ScoredItem<I>>> used = new EnumMap<>(Source.class);
        candidates.forEach((source, list) -> {
            if (personal || source == Source.POPULAR) {
                used.put(source, list);
            }
        });
        // Cold start: the popular list stands alone, whatever its weight.
        Map<Source, Double> weights = personal ? settings.weights() : Map.of(Source.POPULAR, 1.0);

        Map<I, Blend<I>> blends = new LinkedHashMap<>();
        used.forEach((source, list) -> {
            double weight = weights.getOrDefault(source, 0.0);
            double best = list.stream().mapToDouble(ScoredItem::score).max().orElse(0);
            if (weight == 0 || best <= 0) {
                return;
            }
            for (ScoredItem<I> candidate : list) {
                if (exclude.contains(candidate.item()) || candidate.score() <= 0) {
                    continue;
                }
                double contribution = weight * candidate.score() / best;
                blends.computeIfAbsent(candidate.item(), Blend::new).add(source, contribution, candidate.because());
            }
        });

        List<Blend<I>> ranked = new ArrayList<>(blends.values());
        ranked.sort(Comparator.comparingDouble((Blend<I> b) -> b.score).reversed());
        return diversify(ranked, n).stream().map(this::explain).toList();
    }

    private double weight(Source source) {
        return settings.weights().getOrDefault(source, 0.0);
    }

    /**
     * Takes the best items, skipping those whose category is full; if that leaves the list short (too few
     * categories among the candidates), the skipped ones top it up in score order: a cap, not a reason to show
     * fewer recommendations.
     */
    private List<Blend<I>> diversify(List<Blend<I>> ranked, int n) {
        if (settings.maxPerCategory() == 0) {
            return ranked.subList(0, Math.min(n, ranked.size()));
        }
        List<Blend<I>> chosen = new ArrayList<>();
        List<Blend<I>> skipped = new ArrayList<>();
        Map<String, Integer> perCategory = new HashMap<>();
        for (Blend<I> blend : ranked) {
            if (chosen.size() == n) {
                break;
            }
            String category = categories.apply(blend.item);
            if (perCategory.getOrDefault(category, 0) < settings.maxPerCategory()) {
                perCategory.merge(category, 1, Integer::sum);
                chosen.add(blend);
            } else {
                skipped.add(blend);
            }
        }
        for (int s = 0; s < skipped.size() && chosen.size() < n; s++) {
            chosen.add(skipped.get(s));
        }
        return chosen;
    }

    private BlendedItem<I> explain(Blend<I> blend) {
        String reason = switch (blend.mainSource) {
            case USER_BASED -> "Users with similar preferences also bought this";
            case ITEM_BASED -> "Similar to items you viewed";
            case BOUGHT_TOGETHER ->
                blend.because.isEmpty()
                        ? "Frequently bought together"
                        : "Frequently bought with " + titles.apply(blend.because.getFirst());
            case CONTENT_BASED -> "Matches your interest in " + categories.apply(blend.item);
            case POPULAR -> "Popular in " + categories.apply(blend.item);
        };
        return new BlendedItem<>(blend.item, blend.score, blend.mainSource, reason);
    }

    /** An item's running blend: the sum of contributions and the largest one's source. */
    private static final class Blend<I> {
        final I item;
        double score;
        Source mainSource;
        double mainContribution = -1;
        List<I> because = List.of();

        Blend(I item) {
            this.item = item;
        }

        void add(Source source, double contribution, List<I> sourceBecause) {
            score += contribution;
            if (contribution > mainContribution) {
                mainContribution = contribution;
                mainSource = source;
                because = sourceBecause;
            }
        }
    }
}
