package dev.bazaar.catalog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog derived from UCI Online Retail by tools/derive-demo-catalog.py: demo/catalog.csv.gz and
 * demo/categories.csv on the classpath are consistent and plausible. Catch-all leaves are the ones whose slug ends
 * in "-other".
 */
class DemoCatalogFileTest {

    private static final CSVFormat WITH_HEADER =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private static List<String> productHeader;
    private static List<CSVRecord> products;
    private static List<String> categoryHeader;
    private static List<CSVRecord> categories;

    @BeforeAll
    static void readFiles() throws IOException {
        try (Reader reader = reader("demo/catalog.csv.gz", true);
                CSVParser parser = WITH_HEADER.parse(reader)) {
            productHeader = parser.getHeaderNames();
            products = parser.getRecords();
        }
        try (Reader reader = reader("demo/categories.csv", false);
                CSVParser parser = WITH_HEADER.parse(reader)) {
            categoryHeader = parser.getHeaderNames();
            categories = parser.getRecords();
        }
    }

    @Test
    void headersAreAsDocumented() {
        assertThat(productHeader)
                .containsExactly(
                        "stock_code",
                        "title",
                        "description",
                        "price",
                        "currency",
                        "category_slug",
                        "brand",
                        "popularity",
                        "stock",
                        "image_url");
        assertThat(categoryHeader).containsExactly("slug", "name", "parent_slug", "description");
    }

    @Test
    void categoriesFormATwoLevelTreeWithParentsFirst() {
        Set<String> seen = new HashSet<>();
        Set<String> topLevel = new HashSet<>();
        for (CSVRecord category : categories) {
            String slug = category.get("slug");
            String parent = category.get("parent_slug");
            assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(category.get("name")).isNotBlank();
            assertThat(seen.add(slug)).as("unique slug %s", slug).isTrue();
            if (parent.isEmpty()) {
                topLevel.add(slug);
            } else {
                assertThat(topLevel)
                        .as("parent of %s is a top-level category listed before it", slug)
                        .contains(parent);
            }
        }
        assertThat(topLevel).hasSizeBetween(6, 10);
        assertThat(leaves()).hasSizeBetween(25, 40);
    }

    @Test
    void everyProductIsInALeafCategory() {
        Set<String> leaves = leaves();
        Set<String> used = new HashSet<>();
        for (CSVRecord product : products) {
            assertThat(leaves).contains(product.get("category_slug"));
            used.add(product.get("category_slug"));
        }
        assertThat(used).isEqualTo(leaves);
    }

    @Test
    void productsArePlausible() {
        Set<String> stockCodes = new HashSet<>();
        int outOfStock = 0;
        for (CSVRecord product : products) {
            assertThat(product.isConsistent()).isTrue();
            assertThat(stockCodes.add(product.get("stock_code")))
                    .as("unique stock code %s", product.get("stock_code"))
                    .isTrue();
            assertThat(product.get("title")).isNotBlank();
            assertThat(product.get("description"))
                    .startsWith(product.get("title"))
                    .endsWith(".");
            BigDecimal price = new BigDecimal(product.get("price"));
            assertThat(price.signum()).isPositive();
            assertThat(price.scale()).isLessThanOrEqualTo(2);
            assertThat(product.get("currency")).isEqualTo("GBP");
            assertThat(product.get("brand")).isNotBlank();
            // net of cancellations: a product whose every sale was cancelled has popularity 0
            assertThat(Long.parseLong(product.get("popularity"))).isNotNegative();
            int stock = Integer.parseInt(product.get("stock"));
            assertThat(stock).isBetween(0, 500);
            outOfStock += stock == 0 ? 1 : 0;
        }
        assertThat(products).hasSizeBetween(3_500, 4_000);
        assertThat(outOfStock).isBetween(products.size() / 100, products.size() / 20);
    }

    @Test
    void fewProductsAreInCatchAllCategories() {
        Map<String, Integer> perCategory = new HashMap<>();
        products.forEach(product -> perCategory.merge(product.get("category_slug"), 1, Integer::sum));
        int catchAll = perCategory.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("-other"))
                .mapToInt(Map.Entry::getValue)
                .sum();

        assertThat((double) catchAll / products.size()).isLessThan(0.20);
    }

    private static Set<String> leaves() {
        Set<String> parents = new HashSet<>();
        categories.forEach(category -> parents.add(category.get("parent_slug")));
        Set<String> leaves = new HashSet<>();
        categories.stream()
                .filter(category -> !category.get("parent_slug").isEmpty())
                .map(category -> category.get("slug"))
                .filter(slug -> !parents.contains(slug))
                .forEach(leaves::add);
        return leaves;
    }

    private static Reader reader(String resource, boolean gzipped) throws IOException {
        InputStream in = DemoCatalogFileTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as("classpath resource %s", resource).isNotNull();
        return new InputStreamReader(gzipped ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8);
    }
}
