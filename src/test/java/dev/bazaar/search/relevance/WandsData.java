package dev.bazaar.search.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WANDS evaluation subset (see its README): queries, judged products and graded labels, read as tab-separated
 * UTF-8 with a header row, split on tabs only (no CSV quote handling).
 *
 * <p>Duplicate label rows are collapsed to one judgment per (query, product): the label most of the rows give, and
 * on a tie the one with the higher gain. Of the two conflicting pairs, 12/34349 (Exact, Partial, Partial) becomes
 * Partial and 293/19210 (Partial, Exact) becomes Exact.
 */
record WandsData(List<Query> queries, List<Product> products, Map<Integer, Map<Integer, Integer>> gains) {

    static final Path DEFAULT_DIRECTORY = Path.of("/work/shared/data/wands-eval");

    record Query(int id, String text) {
        boolean tuning() {
            return id % 2 == 1;
        }
    }

    record Product(int id, String name, String productClass, String categoryPath) {
        /** The category names from the root down; empty when the product has none. */
        List<String> categories() {
            List<String> names = new ArrayList<>();
            for (String name : categoryPath.split(" / ")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            return names;
        }

        /** What the store's description holds: the class and the category path. */
        String description() {
            return (productClass + " " + categoryPath).strip();
        }
    }

    /** Exact 2, Partial 1, Irrelevant 0. */
    static int gain(String label) {
        return switch (label) {
            case "Exact" -> 2;
            case "Partial" -> 1;
            case "Irrelevant" -> 0;
            default -> throw new IllegalArgumentException("unknown label " + label);
        };
    }

    static WandsData load(Path directory) {
        List<Query> queries = new ArrayList<>();
        for (String[] row : rows(directory.resolve("queries.tsv"), 3)) {
            queries.add(new Query(Integer.parseInt(row[0]), row[1]));
        }
        List<Product> products = new ArrayList<>();
        for (String[] row : rows(directory.resolve("products.tsv"), 4)) {
            products.add(new Product(Integer.parseInt(row[0]), row[1], row[2], row[3]));
        }
        Map<Integer, Map<Integer, List<Integer>>> votes = new HashMap<>();
        for (String[] row : rows(directory.resolve("labels.tsv"), 3)) {
            votes.computeIfAbsent(Integer.parseInt(row[0]), q -> new LinkedHashMap<>())
                    .computeIfAbsent(Integer.parseInt(row[1]), p -> new ArrayList<>())
                    .add(gain(row[2]));
        }
        return new WandsData(queries, products, collapse(votes));
    }

    /** One gain per (query, product): the majority label, ties going to the higher gain. */
    static Map<Integer, Map<Integer, Integer>> collapse(Map<Integer, Map<Integer, List<Integer>>> votes) {
        Map<Integer, Map<Integer, Integer>> gains = new LinkedHashMap<>();
        votes.forEach((query, byProduct) -> {
            Map<Integer, Integer> collapsed = new LinkedHashMap<>();
            byProduct.forEach((product, labels) -> collapsed.put(product, majority(labels)));
            gains.put(query, collapsed);
        });
        return gains;
    }

    static int majority(List<Integer> labels) {
        Map<Integer, Integer> counts = new HashMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(Map.Entry::getKey))
                .orElseThrow()
                .getKey();
    }

    long labelRows() {
        return gains.values().stream().mapToLong(Map::size).sum();
    }

    private static List<String[]> rows(Path file, int columns) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(file + ": expected " + columns + " fields in " + line);
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
