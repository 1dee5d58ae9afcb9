package dev.bazaar.recommendation.internal.algorithms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps caller ids (UUIDs, stock codes, customer numbers) to dense indexes 0..size-1, so that the algorithms work
 * on int arrays instead of boxed maps: the full Online Retail data then trains in seconds with little memory.
 */
final class IdDictionary<T> {

    static final int ABSENT = -1;

    private final Map<T, Integer> indexes = new HashMap<>();
    private final List<T> ids = new ArrayList<>();

    int indexOf(T id) {
        Integer index = indexes.get(id);
        return index == null ? ABSENT : index;
    }

    int indexOrAdd(T id) {
        Integer index = indexes.get(id);
        if (index != null) {
            return index;
        }
        if (id == null) {
            throw new IllegalArgumentException("ids must not be null");
        }
        indexes.put(id, ids.size());
        ids.add(id);
        return ids.size() - 1;
    }

    T idOf(int index) {
        return ids.get(index);
    }

    int size() {
        return ids.size();
    }

    List<T> ids() {
        return List.copyOf(ids);
    }
}
