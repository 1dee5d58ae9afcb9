package dev.bazaar.catalog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.catalog.internal.generator.SyntheticCatalog;
import dev.bazaar.catalog.internal.generator.SyntheticCategory;
import dev.bazaar.catalog.internal.generator.SyntheticProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic catalog generator: deterministic, well-formed, realistic enough (no database). */
class SyntheticCatalogTest {

    private static final BigDecimal FIVE = new BigDecimal("5.00");

    private final SyntheticCatalog catalog = new SyntheticCatalog(42);

    @Test
    void sameSeedGivesTheSameProducts() {
        List<SyntheticProduct> first = catalog.products(1_000).toList();
        List<SyntheticProduct> again = new SyntheticCatalog(42).products(1_000).toList();
        List<SyntheticProduct> otherSeed =
                new SyntheticCatalog(43).products(1_000).toList();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        // Product i depends only on the seed and i: shorter streams are prefixes, random access agrees.
        assertThat(catalog.products(100).toList()).isEqualTo(first.subList(0, 100));
        assertThat(catalog.product(777)).isEqualTo(first.get(777));
    }

    @Test
    void streamsExactlyTheRequestedCount() {
        assertThat(catalog.products(0).count()).isZero();
        assertThat(catalog.products(1).count()).isEqualTo(1);
        assertThat(catalog.products(12_345).count()).isEqualTo(12_345);
        assertThatThrownBy(() -> catalog.products(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoriesFormARealisticTwoLevelTree() {
        List<SyntheticCategory> categories = catalog.categories();
        Set<String> slugs = categories.stream().map(SyntheticCategory::slug).collect(Collectors.toSet());
        List<SyntheticCategory> topLevel =
                categories.stream().filter(SyntheticCategory::topLevel).toList();
        List<SyntheticCategory> leaves = catalog.leafCategories();

        assertThat(slugs).hasSize(categories.size());
        assertThat(topLevel).hasSizeBetween(8, 12);
        assertThat(leaves).hasSizeBetween(50, 70);
        assertThat(slugs).contains("electronics", "laptops", "smartphones", "home-and-kitchen", "fashion", "books");
        Set<String> seen = new HashSet<>();
        for (SyntheticCategory category : categories) {
            assertThat(category.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(category.name()).isNotBlank();
            if (!category.topLevel()) {
                assertThat(seen)
                        .as("parent of %s listed first", category.slug())
                        .contains(category.parentSlug());
                assertThat(topLevel.stream().map(SyntheticCategory::slug)).contains(category.parentSlug());
            }
            seen.add(category.slug());
        }
        for (SyntheticCategory top : topLevel) {
            assertThat(leaves).anyMatch(leaf -> leaf.parentSlug().equals(top.slug()));
        }
    }

    @Test
    void productsAreWellFormed() {
        Set<String> leaves =
                catalog.leafCategories().stream().map(SyntheticCategory::slug).collect(Collectors.toSet());
        Instant until = SyntheticCatalog.DEFAULT_UNTIL;
        Instant from = until.minus(Duration.ofDays(730));
        long index = 0;
        int outOfStock = 0;
        Set<String> categoriesUsed = new HashSet<>();
        for (SyntheticProduct product : catalog.products(20_000).toList()) {
            index++;
            assertThat(leaves).contains(product.categorySlug());
            categoriesUsed.add(product.categorySlug());
            assertThat(product.title())
                    .isNotBlank()
                    .doesNotContain("  ")
                    .isEqualTo(product.title().strip());
            assertThat(product.description()).isNotBlank().endsWith(".");
            assertThat(product.brand()).isNotBlank();
            assertThat(product.currency()).isEqualTo("USD");
            assertThat(product.price().signum()).isPositive();
            assertThat(product.price().scale()).isEqualTo(2);
            assertThat(product.rating().scale()).isEqualTo(2);
            assertThat(product.rating()).isBetween(BigDecimal.ZERO, FIVE);
            assertThat(product.reviewCount()).isNotNegative();
            if (product.reviewCount() == 0) {
                assertThat(product.rating()).isEqualByComparingTo(BigDecimal.ZERO);
            } else {
                assertThat(product.rating()).isGreaterThanOrEqualTo(BigDecimal.ONE);
            }
            assertThat(product.popularity()).isPositive();
            assertThat(product.stock()).isBetween(0, 500);
            outOfStock += product.stock() == 0 ? 1 : 0;
            assertThat(product.createdAt()).isBetween(from, until);
            assertThat(product.specifications()).isNotEmpty().allSatisfy((key, value) -> {
                assertThat(key).matches("[a-z_]+");
                assertThat(value).isNotBlank();
            });
            assertThat(product.imageUrls()).containsExactly("https://img.bazaar.example/p/" + index + ".jpg");
        }
        assertThat(categoriesUsed).isEqualTo(leaves);
        assertThat(outOfStock).isBetween(400, 2_000); // about 5% of 20,000
    }

    @Test
    void popularityIsHeavyTailed() {
        long[] popularity = catalog.products(100_000)
                .mapToLong(SyntheticProduct::popularity)
                .sorted()
                .toArray();
        long total = 0;
        long top = 0;
        for (int i = 0; i < popularity.length; i++) {
            total += popularity[i];
            if (i >= popularity.length - 1_000) {
                top += popularity[i];
            }
        }
        // Top 1% of products hold a large share of all popularity; the median product is far below the mean.
        assertThat((double) top / total).isGreaterThan(0.20);
        assertThat(popularity[popularity.length / 2]).isLessThan(total / popularity.length / 4);
    }

    @Test
    void ratingsClusterBetweenThreeAndAHalfAndFourPointEight() {
        List<SyntheticProduct> reviewed = catalog.products(50_000)
                .filter(product -> product.reviewCount() >= 20)
                .toList();
        long typical = reviewed.stream()
                .filter(product -> product.rating().compareTo(new BigDecimal("3.50")) >= 0
                        && product.rating().compareTo(new BigDecimal("4.80")) <= 0)
                .count();
        double mean = reviewed.stream()
                .mapToDouble(product -> product.rating().doubleValue())
                .average()
                .orElseThrow();

        assertThat(reviewed).hasSizeGreaterThan(300);
        assertThat((double) typical / reviewed.size()).isGreaterThan(0.7);
        assertThat(mean).isBetween(3.8, 4.5);
    }

    @Test
    void reviewCountsFollowPopularity() {
        List<SyntheticProduct> byPopularity = catalog.products(50_000)
                .sorted(Comparator.comparingLong(SyntheticProduct::popularity).reversed())
                .toList();
        double topPercent = byPopularity.subList(0, 500).stream()
                .mapToInt(SyntheticProduct::reviewCount)
                .average()
                .orElseThrow();
        double bottomHalf = byPopularity.subList(25_000, 50_000).stream()
                .mapToInt(SyntheticProduct::reviewCount)
                .average()
                .orElseThrow();

        assertThat(topPercent).isGreaterThan(20 * bottomHalf);
    }

    @Test
    void titlesAreMostlyDistinct() {
        List<String> titles =
                catalog.products(10_000).map(SyntheticProduct::title).toList();

        assertThat(new HashSet<>(titles).size()).isGreaterThan(9_500);
    }

    @Test
    void laptopsLookLikeLaptops() {
        SyntheticProduct laptop = catalog.products(5_000)
                .filter(product -> product.categorySlug().equals("laptops"))
                .findFirst()
                .orElseThrow();

        assertThat(laptop.title()).containsPattern("\\d+(\\.\\d)?-inch .*(Laptop|Notebook|Ultrabook)");
        assertThat(laptop.specifications()).containsKeys("screen", "ram", "storage");
        assertThat(laptop.price()).isGreaterThan(new BigDecimal("100"));
    }
}
