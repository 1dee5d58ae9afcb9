package dev.bazaar.recommendation.internal.algorithms;

import java.util.Arrays;

/**
 * Frequent itemset mining by FP-Growth (Han, Pei and Yin, "Mining frequent patterns without candidate generation",
 * 2000): the transactions are compressed into a prefix tree of items in descending frequency, and each frequent
 * itemset is grown from the tree of the transactions containing its suffix, without Apriori's candidate sets and
 * repeated passes over the data.
 *
 * <p>Items are ranks 0..itemCount-1, rank 0 the most frequent. Trees are arrays of nodes, and each conditional tree
 * numbers its own items densely, so memory follows the tree, not the catalogue.
 */
final class FpGrowth {

    /** Receives each frequent itemset: {@code items[0..length)} (ranks, unordered) and its transaction count. */
    interface Sink {
        void accept(int[] items, int length, int count);
    }

    private final int minCount;
    private final int maxLength;
    private final Sink sink;
    private final int[] prefix;
    /** Scratch indexed by rank, all zero between uses. */
    private final int[] rankCounts;

    private final int[] rankToLocal;

    private FpGrowth(int itemCount, int minCount, int maxLength, Sink sink) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.sink = sink;
        this.prefix = new int[Math.max(1, maxLength)];
        this.rankCounts = new int[itemCount];
        this.rankToLocal = new int[itemCount];
    }

    /**
     * Emits every itemset of at most {@code maxLength} items contained in at least {@code minCount} transactions.
     *
     * @param transactions each one's ranks in ascending order without duplicates; only frequent items need be
     *     present
     */
    static void mine(int[][] transactions, int itemCount, int minCount, int maxLength, Sink sink) {
        if (maxLength < 1 || itemCount == 0) {
            return;
        }
        int[] all = new int[itemCount];
        for (int rank = 0; rank < itemCount; rank++) {
            all[rank] = rank;
        }
        Tree tree = new Tree(all, transactions.length);
        for (int[] transaction : transactions) {
            tree.insert(transaction, transaction.length, 1);
        }
        new FpGrowth(itemCount, minCount, maxLength, sink).grow(tree, 0);
    }

    private void grow(Tree tree, int depth) {
        for (int local = tree.localToRank.length - 1; local >= 0; local--) {
            int count = tree.headerCount[local];
            if (count < minCount) {
                continue;
            }
            prefix[depth] = tree.localToRank[local];
            sink.accept(prefix, depth + 1, count);
            if (depth + 1 < maxLength) {
                Tree conditional = conditionalTree(tree, local);
                if (conditional != null) {
                    grow(conditional, depth + 1);
                }
            }
        }
    }

    /** The tree of the paths above every node of {@code local}, keeping only items still frequent there. */
    private Tree conditionalTree(Tree tree, int local) {
        int distinct = 0;
        int[] touched = new int[tree.localToRank.length];
        for (int node = tree.headerFirst[local]; node != Tree.NONE; node = tree.nodeLink[node]) {
            int count = tree.count[node];
            for (int up = tree.parent[node]; up != Tree.ROOT; up = tree.parent[up]) {
                int rank = tree.localToRank[tree.item[up]];
                if (rankCounts[rank] == 0) {
                    touched[distinct++] = rank;
                }
                rankCounts[rank] += count;
            }
        }
        int frequent = 0;
        for (int t = 0; t < distinct; t++) {
            if (rankCounts[touched[t]] >= minCount) {
                touched[frequent++] = touched[t];
            } else {
                rankCounts[touched[t]] = 0;
            }
        }
        if (frequent == 0) {
            return null;
        }
        int[] localToRank = Arrays.copyOf(touched, frequent);
        Arrays.sort(localToRank);
        for (int l = 0; l < frequent; l++) {
            rankToLocal[localToRank[l]] = l;
            rankCounts[localToRank[l]] = 0;
        }
        Tree conditional = new Tree(localToRank, 16);
        int[] path = new int[frequent];
        for (int node = tree.headerFirst[local]; node != Tree.NONE; node = tree.nodeLink[node]) {
            int length = 0;
            for (int up = tree.parent[node]; up != Tree.ROOT; up = tree.parent[up]) {
                int rank = tree.localToRank[tree.item[up]];
                int position = Arrays.binarySearch(localToRank, rank);
                if (position >= 0) {
                    path[length++] = rankToLocal[rank];
                }
            }
            // Walking up visits items from rare to frequent; the tree wants frequent first.
            for (int a = 0, b = length - 1; a < b; a++, b--) {
                int swap = path[a];
                path[a] = path[b];
                path[b] = swap;
            }
            conditional.insert(path, length, tree.count[node]);
        }
        return conditional;
    }

    /** A prefix tree of nodes in parallel arrays; node 0 is the root. */
    private static final class Tree {

        static final int ROOT = 0;
        static final int NONE = -1;

        final int[] localToRank;
        final int[] headerCount;
        final int[] headerFirst;
        int[] item;
        int[] count;
        int[] parent;
        int[] nodeLink;
        int size;
        /** (parent node, item) → child node. */
        private final LongIntMap children;

        Tree(int[] localToRank, int expectedNodes) {
            this.localToRank = localToRank;
            this.headerCount = new int[localToRank.length];
            this.headerFirst = new int[localToRank.length];
            Arrays.fill(headerFirst, NONE);
            int capacity = Math.max(16, expectedNodes);
            item = new int[capacity];
            count = new int[capacity];
            parent = new int[capacity];
            nodeLink = new int[capacity];
            children = new LongIntMap(capacity);
            item[ROOT] = NONE;
            parent[ROOT] = NONE;
            nodeLink[ROOT] = NONE;
            size = 1;
        }

        /** Adds a path of local items (ascending) with a count. */
        void insert(int[] path, int length, int weight) {
            int node = ROOT;
            for (int k = 0; k < length; k++) {
                int local = path[k];
                long key = ((long) node << 32) | local;
                int child = children.get(key);
                if (child == LongIntMap.MISSING) {
                    child = newNode(local, node);
                    children.put(key, child);
                }
                count[child] += weight;
                headerCount[local] += weight;
                node = child;
            }
        }

        private int newNode(int local, int parentNode) {
            if (size == item.length) {
                int capacity = size * 2;
                item = Arrays.copyOf(item, capacity);
                count = Arrays.copyOf(count, capacity);
                parent = Arrays.copyOf(parent, capacity);
                nodeLink = Arrays.copyOf(nodeLink, capacity);
            }
            int node = size++;
            item[node] = local;
            parent[node] = parentNode;
            nodeLink[node] = headerFirst[local];
            headerFirst[local] = node;
            return node;
        }
    }
}
