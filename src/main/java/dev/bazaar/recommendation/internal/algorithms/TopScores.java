package dev.bazaar.recommendation.internal.algorithms;

import java.util.Arrays;

/**
 * Keeps the k best (index, score) pairs seen, in a primitive min-heap: selecting 10 of 4,000 candidates must not
 * sort or box all 4,000. Ties go to the lower index, so results do not depend on the order of offering.
 */
final class TopScores {

    private final int capacity;
    private final int[] indexes;
    private final double[] scores;
    private int size;

    TopScores(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
        this.indexes = new int[capacity];
        this.scores = new double[capacity];
    }

    void clear() {
        size = 0;
    }

    void offer(int index, double score) {
        if (capacity == 0) {
            return;
        }
        if (size < capacity) {
            indexes[size] = index;
            scores[size] = score;
            siftUp(size++);
        } else if (better(index, score, indexes[0], scores[0])) {
            indexes[0] = index;
            scores[0] = score;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    /** The kept indexes, best first. */
    int[] indexesBestFirst() {
        Integer[] order = order();
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = indexes[order[i]];
        }
        return result;
    }

    /** The kept scores, in the same order as {@link #indexesBestFirst()}. */
    double[] scoresBestFirst() {
        Integer[] order = order();
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
            result[i] = scores[order[i]];
        }
        return result;
    }

    private Integer[] order() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> better(indexes[a], scores[a], indexes[b], scores[b]) ? -1 : 1);
        return order;
    }

    private static boolean better(int index, double score, int otherIndex, double otherScore) {
        return score > otherScore || (score == otherScore && index < otherIndex);
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) / 2;
            if (!better(indexes[parent], scores[parent], indexes[position], scores[position])) {
                return;
            }
            swap(parent, position);
            position = parent;
        }
    }

    private void siftDown(int position) {
        while (true) {
            int left = 2 * position + 1;
            int worst = position;
            if (left < size && better(indexes[worst], scores[worst], indexes[left], scores[left])) {
                worst = left;
            }
            int right = left + 1;
            if (right < size && better(indexes[worst], scores[worst], indexes[right], scores[right])) {
                worst = right;
            }
            if (worst == position) {
                return;
            }
            swap(worst, position);
            position = worst;
        }
    }

    private void swap(int a, int b) {
        int index = indexes[a];
        indexes[a] = indexes[b];
        indexes[b] = index;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
