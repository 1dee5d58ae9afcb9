package dev.bazaar.catalog.internal.generator;

import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Leaf;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Position;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Spec;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Top;
import dev.bazaar.catalog.internal.generator.SyntheticCatalog.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the synthetic catalog's category tree and the vocabulary of each leaf from {@value #RESOURCE}: nouns,
 * specifications (with the ones that appear in titles), median prices. The file's header describes its format.
 *
 * <p>A specification either lists its {@code values} (one is picked per product) or names a {@code kind} whose
 * values are drawn: {@code author-name} (a first and a last name of the file's {@code author-names}) or
 * {@code page-count} (32 to 504 in steps of 8).
 */
final class TaxonomyFile {

    static final String RESOURCE = "catalog/taxonomy.yaml";

    private static final double DEFAULT_PRICE_SIGMA = 0.45;

    private TaxonomyFile() {}

    static List<Top> read() {
        try (InputStream in = TaxonomyFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(1_000); // the shared value lists are referred to often
            Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(in);
            return new TaxonomyFile.Reader(map(root, "author-names")).categories(list(root, "categories"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reader {

        private final String[] firstNames;
        private final String[] lastNames;

        Reader(Map<String, Object> authorNames) {
            this.firstNames = strings(authorNames, "first");
            this.lastNames = strings(authorNames, "last");
        }

        List<Top> categories(List<Object> categories) {
            return categories.stream().map(category -> top(cast(category))).toList();
        }

        private Top top(Map<String, Object> top) {
            return new Top(
                    text(top, "slug"),
                    text(top, "name"),
                    strings(top, "brands"),
                    strings(top, "adjectives"),
                    top.containsKey("series") ? strings(top, "series") : null,
                    strings(top, "pitches"),
                    list(top, "leaves").stream().map(leaf -> leaf(cast(leaf))).toArray(Leaf[]::new));
        }

        private Leaf leaf(Map<String, Object> leaf) {
            Leaf result = new Leaf(
                    text(leaf, "slug"),
                    text(leaf, "name"),
                    list(leaf, "types").stream().map(type -> type(cast(type))).toArray(Type[]::new));
            if (leaf.containsKey("book-genre")) {
                result.book(text(leaf, "book-genre"));
            }
            if (leaf.containsKey("prefix")) {
                result.prefix(text(leaf, "prefix"));
            }
            result.sigma(leaf.containsKey("price-sigma") ? number(leaf, "price-sigma") : DEFAULT_PRICE_SIGMA);
            if (leaf.containsKey("adjectives")) {
                result.adjectives(strings(leaf, "adjectives"));
            }
            return result;
        }

        private Type type(Map<String, Object> type) {
            List<Object> specs = type.containsKey("specs") ? list(type, "specs") : List.of();
            return new Type(
                    number(type, "median-price"),
                    strings(type, "nouns"),
                    specs.stream().map(spec -> spec(cast(spec))).toArray(Spec[]::new));
        }

        private Spec spec(Map<String, Object> spec) {
            String key = text(spec, "key");
            String label = text(spec, "label");
            if (spec.containsKey("kind")) {
                return switch (text(spec, "kind")) {
                    case "author-name" ->
                        new Spec(key, label) {
                            @Override
                            String generate(SplittableRandom random) {
                                return firstNames[random.nextInt(firstNames.length)]
                                        + ' '
                                        + lastNames[random.nextInt(lastNames.length)];
                            }
                        };
                    case "page-count" ->
                        new Spec(key, label) {
                            @Override
                            String generate(SplittableRandom random) {
                                return Integer.toString(32 + 8 * random.nextInt(60));
                            }
                        };
                    default ->
                        throw new IllegalStateException(
                                RESOURCE + ": unknown kind of specification " + spec.get("kind") + " for " + key);
                };
            }
            Position position = spec.containsKey("position")
                    ? Position.valueOf(text(spec, "position").toUpperCase(Locale.ROOT))
                    : Position.NONE;
            String titleSuffix = spec.containsKey("title-suffix") ? text(spec, "title-suffix") : null;
            return new Spec(key, label, position, titleSuffix, strings(spec, "values"));
        }
    }

    // Typed reads of the parsed YAML; a missing or mistyped field names itself.

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalStateException(RESOURCE + ": expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Map<String, Object> node, String field) {
        return cast(required(node, field));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> node, String field) {
        if (!(required(node, field) instanceof List<?> values)) {
            throw new IllegalStateException(RESOURCE + ": " + field + " must be a list in " + node);
        }
        return (List<Object>) values;
    }

    private static String[] strings(Map<String, Object> node, String field) {
        // strict: a value YAML reads as a number or a boolean (No, 1.5) must be quoted in the file
        return list(node, field).stream()
                .map(value -> {
                    if (!(value instanceof String text)) {
                        throw new IllegalStateException(RESOURCE + ": " + field + " must hold text, found " + value);
                    }
                    return text;
                })
                .toArray(String[]::new);
    }

    private static String text(Map<String, Object> node, String field) {
        if (!(required(node, field) instanceof String value)) {
            throw new IllegalStateException(RESOURCE + ": " + field + " must be text in " + node);
        }
        return value;
    }

    private static double number(Map<String, Object> node, String field) {
        if (!(required(node, field) instanceof Number value)) {
            throw new IllegalStateException(RESOURCE + ": " + field + " must be a number in " + node);
        }
        return value.doubleValue();
    }

    private static Object required(Map<String, Object> node, String field) {
        Object value = node.get(field);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + ": missing " + field + " in " + node);
        }
        return value;
    }
}
