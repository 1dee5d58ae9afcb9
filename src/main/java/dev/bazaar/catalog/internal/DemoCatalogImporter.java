package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.internal.CatalogBulkLoader.CategorySeed;
import dev.bazaar.catalog.internal.CatalogBulkLoader.ProductSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty catalog, imports the demo catalog shipped in {@code demo/}: the products of the
 * UCI Online Retail data set (Chen, Sain and Guo, 2012; CC BY 4.0), one per stock code, derived by
 * {@code tools/derive-demo-catalog.py}.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "bazaar.demo.enabled", havingValue = "true")
class DemoCatalogImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogImporter.class);
    private static final CSVFormat WITH_HEADER =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final ProductStore products;
    private final CatalogBulkLoader loader;

    DemoCatalogImporter(ProductStore products, CatalogBulkLoader loader) {
        this.products = products;
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!products.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        var categoryIds = loader.loadCategories(categories());
        long count;
        try (InputStream raw = resource("demo/catalog.csv.gz");
                Reader reader = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
                CSVParser rows = WITH_HEADER.parse(reader)) {
            Instant now = Instant.now();
            count = loader.loadProducts(categoryIds, rows.stream().map(row -> product(row, now)), done -> {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo catalog", e);
        }
        log.info(
                "Imported the demo catalog: {} products in {} categories in {} ms",
                count,
                categoryIds.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<CategorySeed> categories() {
        try (InputStream raw = resource("demo/categories.csv");
                Reader reader = new InputStreamReader(raw, StandardCharsets.UTF_8);
                CSVParser rows = WITH_HEADER.parse(reader)) {
            return rows.stream()
                    .map(row -> new CategorySeed(
                            row.get("slug"),
                            row.get("name"),
                            row.get("parent_slug").isBlank() ? null : row.get("parent_slug"),
                            row.get("description")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo categories", e);
        }
    }

    private static ProductSeed product(CSVRecord row, Instant now) {
        String image = row.get("image_url");
        return new ProductSeed(
                "UCI-" + row.get("stock_code"),
                row.get("title"),
                row.get("description"),
                new BigDecimal(row.get("price")),
                row.get("currency"),
                row.get("category_slug"),
                row.get("brand"),
                BigDecimal.ZERO,
                0,
                Long.parseLong(row.get("popularity")),
                Integer.parseInt(row.get("stock")),
                now,
                "{}",
                image.isBlank() ? List.of() : List.of(image));
    }

    private static InputStream resource(String path) throws IOException {
        InputStream stream = DemoCatalogImporter.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IOException(path + " is missing from the classpath");
        }
        return stream;
    }
}
