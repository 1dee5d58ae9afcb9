package dev.bazaar.catalog.internal.generator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic generator of a large, realistic-looking catalog for load tests, search relevance work and
 * demos: no database, no file but its taxonomy on the class path ({@code catalog/taxonomy.yaml}, read by
 * {@link TaxonomyFile}), nothing held in memory per product.
 *
 * <p>Product {@code i} depends only on the seed and {@code i} (each product draws from its own
 * {@link SplittableRandom} seeded from both), so {@code products(n)} is a prefix of {@code products(m)} for
 * {@code n <= m}, {@link #product(long)} gives random access, and the same seed always yields the same catalog.
 *
 * <ul>
 *   <li>Categories: a fixed two-level tree of 10 top-level categories and 63 leaves (the taxonomy file); products
 *       sit in leaves.
 *       Each leaf has one or more product types (nouns with the specifications that suit them and a median
 *       price), so a tent gets a capacity and a season and a laptop a screen, RAM and storage.
 *   <li>Titles: brand, series or adjective, the type's noun and specification values, e.g. "Voltura Edge 7
 *       14-inch Laptop 16GB RAM" or "Northwind Men's Classic Organic Cotton T-Shirt Navy"; books get "The Silent
 *       Harbour (Paperback)" with an author in their specifications. Brands, publishers and authors are invented
 *       (no real company's name is attached to made-up products). Descriptions have one to three sentences.
 *   <li>Prices: log-normal around the type's median, clamped, with charm endings (.99, .95, .49 ...), USD.
 *   <li>Popularity: Zipf with exponent {@link #ZIPF_EXPONENT}: each product gets a uniformly random rank among
 *       {@link #POPULARITY_RANKS} and popularity {@code floor(C / rank^s)}, so a few products hold most of the
 *       sales. Review counts follow popularity; ratings cluster around 4.2 and spread more with fewer reviews.
 *   <li>Stock 0..500 (about 5% out of stock); createdAt uniform over the two years before {@code until};
 *       one placeholder image, {@code https://img.bazaar.example/p/<index + 1>.jpg}.
 * </ul>
 */
public final class SyntheticCatalog {

    /** The default end of the createdAt window, fixed so that output does not depend on the clock. */
    public static final Instant DEFAULT_UNTIL = Instant.parse("2026-01-01T00:00:00Z");

    public static final String CURRENCY = "USD";
    public static final double ZIPF_EXPONENT = 1.0;
    /** Ranks are drawn from 1..POPULARITY_RANKS whatever the count, so popularity does not depend on it. */
    public static final long POPULARITY_RANKS = 1_000_000L;
    /** Popularity of rank 1; rank POPULARITY_RANKS gets POPULARITY_SCALE / POPULARITY_RANKS = 5. */
    public static final double POPULARITY_SCALE = 5_000_000d;

    private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();
    private static final int MAX_STOCK = 500;
    private static final String IMAGE_PREFIX = "https://img.bazaar.example/p/";

    private static final List<Top> TREE = TaxonomyFile.read();
    private static final List<SyntheticCategory> CATEGORIES = categoriesOf(TREE);
    private static final Leaf[] LEAVES =
            TREE.stream().flatMap(top -> top.leaves.stream()).toArray(Leaf[]::new);

    private final long seed;
    private final long untilEpochSecond;

    public SyntheticCatalog(long seed) {
        this(seed, DEFAULT_UNTIL);
    }

    public SyntheticCatalog(long seed, Instant until) {
        this.seed = seed;
        this.untilEpochSecond = Objects.requireNonNull(until, "until").getEpochSecond();
    }

    /** The taxonomy the products are drawn from. */
    static List<Top> tree() {
        return TREE;
    }

    /** Every category, top-level ones first, then the leaves in tree order (parents always precede children). */
    public List<SyntheticCategory> categories() {
        return CATEGORIES;
    }

    /** The leaf categories, the only ones products are placed in. */
    public List<SyntheticCategory> leafCategories() {
        return CATEGORIES.stream().filter(category -> !category.topLevel()).toList();
    }

    /** A lazy stream of the first {@code count} products; nothing is materialised. */
    public Stream<SyntheticProduct> products(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return LongStream.range(0, count).mapToObj(this::product);
    }

    /** Product number {@code index} (0-based) of this seed's catalog. */
    public SyntheticProduct product(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        Leaf leaf = LEAVES[random.nextInt(LEAVES.length)];
        Top top = leaf.top;
        Type type = leaf.types[random.nextInt(leaf.types.length)];
        String brand = pick(random, top.brands);
        int nounIndex = random.nextInt(type.nouns.length);
        String noun = type.nouns[nounIndex];
        String adjective = pick(random, leaf.adjectives != null ? leaf.adjectives : top.adjectives);

        Map<String, String> specifications = new LinkedHashMap<>(8);
        String[] values = new String[type.specs.length];
        for (int i = 0; i < type.specs.length; i++) {
            Spec spec = type.specs[i];
            values[i] = spec.generated ? spec.generate(random) : pick(random, spec.values);
            specifications.put(spec.key, values[i]);
        }

        String title = leaf.book
                ? bookTitle(random, leaf, adjective, noun, values)
                : title(random, top, leaf, type, brand, adjective, noun, values);
        String description = leaf.book
                ? bookDescription(random, top, leaf, values)
                : description(random, top, type, brand, adjective, type.lowerNouns[nounIndex], values);

        BigDecimal price = price(random, leaf, type);
        long popularity = popularity(random);
        int reviewCount = reviewCount(random, popularity);
        BigDecimal rating = rating(random, reviewCount);
        int stock = random.nextInt(100) < 5 ? 0 : 1 + (int) (MAX_STOCK * Math.pow(random.nextDouble(), 1.5));
        Instant createdAt = Instant.ofEpochSecond(untilEpochSecond - random.nextLong(TWO_YEARS_SECONDS));
        List<String> imageUrls = List.of(IMAGE_PREFIX + (index + 1) + ".jpg");

        return new SyntheticProduct(
                title,
                description,
                brand,
                price,
                CURRENCY,
                leaf.slug,
                rating,
                reviewCount,
                popularity,
                stock,
                createdAt,
                Collections.unmodifiableMap(specifications),
                imageUrls);
    }

    // Titles and descriptions: StringBuilder only, no String.format in the hot path.

    private static String title(
            SplittableRandom random,
            Top top,
            Leaf leaf,
            Type type,
            String brand,
            String adjective,
            String noun,
            String[] values) {
        StringBuilder title = new StringBuilder(96).append(brand).append(' ');
        if (leaf.prefix != null) {
            title.append(leaf.prefix).append(' ');
        }
        if (top.series != null) {
            title.append(pick(random, top.series))
                    .append(' ')
                    .append(2 + random.nextInt(8))
                    .append(' ');
        } else {
            title.append(adjective).append(' ');
        }
        for (int i = 0; i < type.specs.length; i++) {
            if (type.specs[i].position == Position.BEFORE) {
                title.append(values[i]).append(' ');
            }
        }
        title.append(noun);
        for (int i = 0; i < type.specs.length; i++) {
            Spec spec = type.specs[i];
            if (spec.position == Position.AFTER) {
                title.append(' ').append(values[i]);
                if (spec.titleSuffix != null) {
                    title.append(spec.titleSuffix);
                }
            }
        }
        return title.toString();
    }

    private static String description(
            SplittableRandom random,
            Top top,
            Type type,
            String brand,
            String adjective,
            String lowerNoun,
            String[] values) {
        StringBuilder text = new StringBuilder(256);
        text.append(adjective)
                .append(' ')
                .append(lowerNoun)
                .append(" from ")
                .append(brand)
                .append('.');
        int sentences = 1 + random.nextInt(3);
        if (sentences >= 2 && type.specs.length > 0) {
            text.append(" Key features: ");
            int shown = Math.min(3, type.specs.length);
            for (int i = 0; i < shown; i++) {
                if (i > 0) {
                    text.append(i == shown - 1 ? " and " : ", ");
                }
                text.append(type.specs[i].label).append(' ').append(values[i]);
            }
            text.append('.');
        }
        if (sentences == 3) {
            text.append(' ').append(pick(random, top.pitches));
        }
        return text.toString();
    }

    private static String bookTitle(
            SplittableRandom random, Leaf leaf, String adjective, String noun, String[] values) {
        StringBuilder title = new StringBuilder(64);
        if (random.nextBoolean()) {
            title.append("The ");
        }
        title.append(adjective).append(' ').append(noun);
        if (leaf.prefix != null) {
            title.append(": ").append(leaf.prefix);
        }
        // Book leaves keep the author first and the format second (see catalog/taxonomy.yaml).
        return title.append(" (").append(values[1]).append(')').toString();
    }

    private static String bookDescription(SplittableRandom random, Top top, Leaf leaf, String[] values) {
        StringBuilder text = new StringBuilder(200);
        text.append(article(leaf.genre))
                .append(' ')
                .append(leaf.genre)
                .append(" by ")
                .append(values[0])
                .append('.');
        int sentences = 1 + random.nextInt(3);
        if (sentences >= 2) {
            text.append(' ')
                    .append(values[2])
                    .append(" pages, ")
                    .append(values[1].toLowerCase())
                    .append(" edition in ")
                    .append(values[3])
                    .append('.');
        }
        if (sentences == 3) {
            text.append(' ').append(pick(random, top.pitches));
        }
        return text.toString();
    }

    /** "Smart TV" -> "smart TV", "T-Shirt" -> "t-shirt", "OBD2 Scanner" -> "OBD2 scanner": keeps acronyms. */
    static String lowerWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == '-') {
                String word = text.substring(start, i);
                boolean acronym = word.length() > 1
                        && word.chars().skip(1).anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
                out.append(acronym ? word : word.toLowerCase());
                if (i < text.length()) {
                    out.append(text.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static String article(String word) {
        char first = Character.toLowerCase(word.charAt(0));
        return first == 'a' || first == 'e' || first == 'i' || first == 'o' || first == 'u' ? "An" : "A";
    }

    // Numbers.

    /**
     * Log-normal around the product type's median (spread by the leaf's sigma), clamped to a quarter and four
     * times the median, then given a charm ending; always positive, scale 2.
     */
    private static BigDecimal price(SplittableRandom random, Leaf leaf, Type type) {
        double raw = type.medianPrice * Math.exp(leaf.sigma * random.nextGaussian());
        raw = Math.max(type.minPrice, Math.min(type.maxPrice, raw));
        long cents;
        if (raw < 20) {
            long dollars = (long) raw;
            int ending = CHEAP_ENDINGS[random.nextInt(CHEAP_ENDINGS.length)];
            cents = dollars * 100 + ending;
            if (cents <= 0) {
                cents = 99;
            }
        } else if (raw < 200) {
            cents = (long) raw * 100 + MID_ENDINGS[random.nextInt(MID_ENDINGS.length)];
        } else {
            long tens = Math.round(raw / 10);
            cents = random.nextInt(10) < 7 ? tens * 1000 - 1 : tens * 1000; // 1299.99 or 1300.00
        }
        return BigDecimal.valueOf(cents, 2);
    }

    private static final int[] CHEAP_ENDINGS = {99, 99, 99, 99, 49, 95, 29, 79, 0, 50};
    private static final int[] MID_ENDINGS = {99, 99, 99, 95, 0, 49};

    /** Zipf by rank: a uniformly random rank r in 1..POPULARITY_RANKS, popularity floor(C / r^s). O(1) memory. */
    private static long popularity(SplittableRandom random) {
        long rank = 1 + random.nextLong(POPULARITY_RANKS);
        double value =
                ZIPF_EXPONENT == 1.0 ? POPULARITY_SCALE / rank : POPULARITY_SCALE / Math.pow(rank, ZIPF_EXPONENT);
        return Math.max(1L, (long) value);
    }

    /** Between 2% and 8% of buyers leave a review, plus a little noise so some rarely sold products have one. */
    private static int reviewCount(SplittableRandom random, long popularity) {
        double reviews = popularity * (0.02 + 0.06 * random.nextDouble()) + random.nextDouble() * 1.5;
        return (int) Math.min(250_000, reviews);
    }

    /** 0.00 without reviews; otherwise around 4.2, spreading widely for few reviews, clamped to 1.00..5.00. */
    private static BigDecimal rating(SplittableRandom random, int reviewCount) {
        if (reviewCount == 0) {
            return BigDecimal.valueOf(0, 2);
        }
        double spread = 0.3 + 1.1 / Math.sqrt(reviewCount);
        double value = 4.2 + spread * random.nextGaussian();
        long hundredths = Math.round(Math.max(1.0, Math.min(5.0, value)) * 100);
        return BigDecimal.valueOf(hundredths, 2);
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<SyntheticCategory> categoriesOf(List<Top> tree) {
        List<SyntheticCategory> categories = new ArrayList<>();
        for (Top top : tree) {
            categories.add(new SyntheticCategory(top.slug, top.name, null));
        }
        for (Top top : tree) {
            for (Leaf leaf : top.leaves) {
                categories.add(new SyntheticCategory(leaf.slug, leaf.name, top.slug));
            }
        }
        return List.copyOf(categories);
    }

    // The taxonomy model.

    enum Position {
        BEFORE,
        AFTER,
        NONE
    }

    /** A specification: shown in the title before or after the noun, or only in the specifications map. */
    static class Spec {
        final String key;
        final String label;
        final Position position;
        final String titleSuffix;
        final String[] values;
        final boolean generated;

        Spec(String key, String label, Position position, String titleSuffix, String... values) {
            this.key = key;
            this.label = label;
            this.position = position;
            this.titleSuffix = titleSuffix;
            this.values = values;
            this.generated = false;
        }

        /** For values drawn rather than picked (book authors, page counts). */
        Spec(String key, String label) {
            this.key = key;
            this.label = label;
            this.position = Position.NONE;
            this.titleSuffix = null;
            this.values = new String[0];
            this.generated = true;
        }

        String generate(SplittableRandom random) {
            throw new UnsupportedOperationException(key);
        }
    }

    /** A kind of product within a leaf: its nouns, its specifications and its median price. */
    static final class Type {
        final double medianPrice;
        final double minPrice;
        final double maxPrice;
        final String[] nouns;
        final String[] lowerNouns;
        final Spec[] specs;

        Type(double medianPrice, String[] nouns, Spec... specs) {
            this.medianPrice = medianPrice;
            this.minPrice = Math.max(0.5, medianPrice / 4);
            this.maxPrice = medianPrice * 4;
            this.nouns = nouns;
            this.lowerNouns =
                    Arrays.stream(nouns).map(SyntheticCatalog::lowerWords).toArray(String[]::new);
            this.specs = specs;
        }
    }

    static final class Leaf {
        final String slug;
        final String name;
        final Type[] types;
        Top top;
        String[] adjectives;
        String prefix;
        double sigma = 0.45;
        boolean book;
        String genre;

        Leaf(String slug, String name, Type... types) {
            this.slug = slug;
            this.name = name;
            this.types = types;
        }

        Leaf adjectives(String... values) {
            this.adjectives = values;
            return this;
        }

        Leaf prefix(String value) {
            this.prefix = value;
            return this;
        }

        Leaf sigma(double value) {
            this.sigma = value;
            return this;
        }

        Leaf book(String genreName) {
            this.book = true;
            this.genre = genreName;
            return this;
        }
    }

    static final class Top {
        final String slug;
        final String name;
        final String[] brands;
        final String[] adjectives;
        final String[] pitches;
        final String[] series;
        final List<Leaf> leaves;

        Top(
                String slug,
                String name,
                String[] brands,
                String[] adjectives,
                String[] series,
                String[] pitches,
                Leaf... leaves) {
            this.slug = slug;
            this.name = name;
            this.brands = brands;
            this.adjectives = adjectives;
            this.series = series;
            this.pitches = pitches;
            this.leaves = List.of(leaves);
            for (Leaf leaf : leaves) {
                leaf.top = this;
            }
        }
    }
}
