package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The products content-based filtering may recommend, in the caller's order (most popular first), grouped by
 * category once. A profile scores a product of a category it has no weight for at zero, so it only needs to look at
 * its own categories' products: for a product's similar items (a one-category profile) that is a few dozen
 * candidates instead of thousands.
 */
public final class ContentCandidates<I> {

    /** A candidate and its place in the caller's order, which breaks ties between equal scores. */
    record Ranked<I>(int position, ProductFeatures<I> features) {}

    private final int size;
    private final Map<String, List<Ranked<I>>> byCategory;

    private ContentCandidates(int size, Map<String, List<Ranked<I>>> byCategory) {
        this.size = size;
        this.byCategory = byCategory;
    }

    public static <I> ContentCandidates<I> of(List<ProductFeatures<I>> candidates) {
        Map<String, List<Ranked<I>>> byCategory = new HashMap<>();
        for (int position = 0; position < candidates.size(); position++) {
            ProductFeatures<I> candidate = candidates.get(position);
            byCategory
                    .computeIfAbsent(candidate.category(), category -> new ArrayList<>())
                    .add(new Ranked<>(position, candidate));
        }
        byCategory.replaceAll((category, ranked) -> List.copyOf(ranked));
        return new ContentCandidates<>(candidates.size(), Map.copyOf(byCategory));
    }

    public static <I> ContentCandidates<I> empty() {
        return new ContentCandidates<>(0, Map.of());
    }

    public int size() {
        return size;
    }

    List<Ranked<I>> inCategory(String category) {
        return byCategory.getOrDefault(category, List.of());
    }
}
