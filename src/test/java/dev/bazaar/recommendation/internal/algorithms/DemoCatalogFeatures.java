package dev.bazaar.recommendation.internal.algorithms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Product features of the Online Retail products from the demo catalog on the classpath
 * ({@code demo/catalog.csv.gz}, derived by tools/derive-demo-catalog.py): a category leaf chosen by keyword rules
 * on the description, the most common price and the title. The data set has no brands (every product is "Bazaar
 * Home"), so content-based filtering here rests on categories and prices.
 */
final class DemoCatalogFeatures {

    static final String UNCATEGORISED = "uncategorised";

    private final Map<String, ProductFeatures<String>> features;
    private final Map<String, String> titles;

    private DemoCatalogFeatures(Map<String, ProductFeatures<String>> features, Map<String, String> titles) {
        this.features = features;
        this.titles = titles;
    }

    static DemoCatalogFeatures load() throws IOException {
        InputStream resource = DemoCatalogFeatures.class.getClassLoader().getResourceAsStream("demo/catalog.csv.gz");
        if (resource == null) {
            throw new IOException("demo/catalog.csv.gz is not on the classpath");
        }
        Map<String, ProductFeatures<String>> features = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(resource), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            for (CSVRecord row : parser) {
                String code = row.get("stock_code");
                features.put(
                        code,
                        new ProductFeatures<>(
                                code, row.get("category_slug"), row.get("brand"), new BigDecimal(row.get("price"))));
                titles.put(code, row.get("title"));
            }
        }
        return new DemoCatalogFeatures(features, titles);
    }

    /** The catalog's features, or for a product the catalog skipped, "uncategorised" at the given price. */
    ProductFeatures<String> of(String item, BigDecimal fallbackPrice) {
        ProductFeatures<String> known = features.get(item);
        return known != null ? known : new ProductFeatures<>(item, UNCATEGORISED, "Bazaar Home", fallbackPrice);
    }

    String title(String item) {
        return titles.getOrDefault(item, item);
    }
}
