package dev.bazaar.recommendation.internal.algorithms;

import java.util.Arrays;

/** An open-addressing map from long to non-negative int: the FP-tree's child lookup without boxing. */
final class LongIntMap {

    static final int MISSING = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, MISSING);
        mask = capacity - 1;
    }

    int get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            if (values[slot] == MISSING) {
                return MISSING;
            }
            if (keys[slot] == key) {
                return values[slot];
            }
        }
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        while (values[slot] != MISSING && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == MISSING) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, MISSING);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != MISSING) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
