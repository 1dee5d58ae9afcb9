package dev.bazaar.catalog.internal;

import dev.bazaar.inventory.Inventory;
import dev.bazaar.inventory.Inventory.StockLevel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads many products at once (demo catalog, synthetic benchmark catalogs) with PostgreSQL's COPY: one
 * streaming statement instead of a round trip per row. Categories are created first (existing slugs are kept),
 * stock goes to the inventory module through its own bulk API. Bypasses the change events on purpose: the
 * search index notices the new product count at start-up and rebuilds once.
 */
@Component
class CatalogBulkLoader {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Inventory inventory;
    private final CategoryTreeHolder tree;

    CatalogBulkLoader(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions,
            Inventory inventory,
            CategoryTreeHolder tree) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.inventory = inventory;
        this.tree = tree;
    }

    /** Creates the categories that do not exist yet, parents before children. */
    Map<String, UUID> loadCategories(List<CategorySeed> categories) {
        transactions.executeWithoutResult(tx -> {
            for (CategorySeed category : categories) {
                jdbc.sql("INSERT INTO categories (name, slug, parent_id, description) VALUES (:name, :slug, "
                                + "(SELECT id FROM categories WHERE slug = :parent), :description) "
                                + "ON CONFLICT (slug) DO NOTHING")
                        .param("name", category.name())
                        .param("slug", category.slug())
                        .param("parent", category.parentSlug())
                        .param("description", category.description())
                        .update();
            }
        });
        Map<String, UUID> ids = new HashMap<>();
        tree.reload().roots().forEach(root -> collect(tree.current(), root, ids));
        return ids;
    }

    private static void collect(CategoryTree tree, CategoryRow row, Map<String, UUID> ids) {
        ids.put(row.slug(), row.id());
        tree.children(row.id()).forEach(child -> collect(tree, child, ids));
    }

    /** Loads products and their stock; returns how many. {@code progress} gets the running count. */
    long loadProducts(Map<String, UUID> categoryIds, Stream<ProductSeed> products, LongConsumer progress) {
        StockBuffer stock = new StockBuffer();
        Long loaded = transactions.execute(tx -> copyProducts(categoryIds, products, stock, progress));
        inventory.loadOnHand(stock.levels());
        // fresh statistics for the planner, and a visibility map so listing pages are index-only scans
        jdbc.sql("VACUUM (ANALYZE) products").update();
        return loaded;
    }

    private long copyProducts(
            Map<String, UUID> categoryIds, Stream<ProductSeed> products, StockBuffer stock, LongConsumer progress) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            String copy = "COPY products (id, sku, title, description, price, currency, category_id, brand, rating, "
                    + "review_count, popularity, image_urls, specifications, created_at, updated_at) "
                    + "FROM STDIN WITH (FORMAT csv)";
            long count = 0;
            try (Writer out =
                            new OutputStreamWriter(new PGCopyOutputStream(pg, copy, 1 << 16), StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(
                            out,
                            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                Iterator<ProductSeed> iterator = products.iterator();
                while (iterator.hasNext()) {
                    ProductSeed product = iterator.next();
                    UUID id = UUID.randomUUID();
                    UUID category = categoryIds.get(product.categorySlug());
                    if (category == null) {
                        throw new IllegalArgumentException("Unknown category " + product.categorySlug());
                    }
                    String created = OffsetDateTime.ofInstant(product.createdAt(), ZoneOffset.UTC)
                            .toString();
                    csv.printRecord(
                            id,
                            product.sku(),
                            product.title(),
                            product.description(),
                            product.price().toPlainString(),
                            product.currency(),
                            category,
                            product.brand(),
                            product.rating().toPlainString(),
                            product.reviewCount(),
                            product.popularity(),
                            pgArray(product.imageUrls()),
                            product.specificationsJson(),
                            created,
                            created);
                    stock.add(id, product.stock());
                    if (++count % 10_000 == 0) {
                        progress.accept(count);
                    }
                }
            }
            progress.accept(count);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into products failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into products failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A PostgreSQL array literal of quoted strings. */
    private static String pgArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return array.append('}').toString();
    }

    /** Product ids and stock kept compactly (20 bytes a product) until the products are committed. */
    private static final class StockBuffer {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private int[] units = new int[1024];
        private int size;

        void add(UUID id, int stock) {
            if (size == units.length) {
                high = java.util.Arrays.copyOf(high, size * 2);
                low = java.util.Arrays.copyOf(low, size * 2);
                units = java.util.Arrays.copyOf(units, size * 2);
            }
            high[size] = id.getMostSignificantBits();
            low[size] = id.getLeastSignificantBits();
            units[size++] = stock;
        }

        Stream<StockLevel> levels() {
            return IntStream.range(0, size).mapToObj(i -> new StockLevel(new UUID(high[i], low[i]), units[i]));
        }
    }

    record CategorySeed(String slug, String name, String parentSlug, String description) {}

    record ProductSeed(
            String sku,
            String title,
            String description,
            BigDecimal price,
            String currency,
            String categorySlug,
            String brand,
            BigDecimal rating,
            int reviewCount,
            long popularity,
            int stock,
            Instant createdAt,
            String specificationsJson,
            List<String> imageUrls) {}
}
