package dev.bazaar.catalog.internal;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code products} table. */
@Repository
class ProductStore {

    static final String COLUMNS = "id, title, description, price, currency, category_id, brand, rating, review_count, "
            + "image_urls, thumbnail_url, specifications::text AS specifications, seller_id, active, popularity, sku, created_at, "
            + "updated_at";

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id)
                .query(ProductStore::map)
                .optional();
    }

    List<ProductRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(ProductStore::map)
                .list();
    }

    ProductRow insert(ProductFields fields, UUID sellerId) {
        return jdbc.sql("INSERT INTO products (title, description, price, currency, category_id, brand, image_urls, "
                        + "specifications, seller_id, active, sku) VALUES (:title, :description, :price, :currency, "
                        + ":categoryId, :brand, :imageUrls, CAST(:specifications AS jsonb), :sellerId, :active, :sku) "
                        + "RETURNING " + COLUMNS)
                .params(params(fields))
                .param("sellerId", sellerId)
                .query(ProductStore::map)
                .single();
    }

    ProductRow update(UUID id, ProductFields fields) {
        return jdbc.sql("UPDATE products SET title = :title, description = :description, price = :price, "
                        + "currency = :currency, category_id = :categoryId, brand = :brand, image_urls = :imageUrls, "
                        + "specifications = CAST(:specifications AS jsonb), active = :active, sku = :sku, "
                        + "updated_at = now() WHERE id = :id RETURNING " + COLUMNS)
                .params(params(fields))
                .param("id", id)
                .query(ProductStore::map)
                .single();
    }

    /**
     * Locks the product's row until the transaction ends, against every other rating refresh and product update;
     * {@code FOR NO KEY UPDATE} does not conflict with the key-share locks taken by rows referencing the product
     * (a review being inserted), so it cannot deadlock with them. False if the product does not exist.
     */
    boolean lockForRatingRefresh(UUID id) {
        return jdbc.sql("SELECT id FROM products WHERE id = :id FOR NO KEY UPDATE")
                .param("id", id)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    void updateRating(UUID id, BigDecimal rating, int reviewCount) {
        jdbc.sql("UPDATE products SET rating = :rating, review_count = :reviewCount WHERE id = :id")
                .param("id", id)
                .param("rating", rating)
                .param("reviewCount", reviewCount)
                .update();
    }

    /** Sets the pictures the media module stores for the product; false if it does not exist. */
    boolean updateImages(UUID id, List<String> imageUrls, String thumbnailUrl) {
        return jdbc.sql("UPDATE products SET image_urls = :imageUrls, thumbnail_url = :thumbnailUrl, "
                                + "updated_at = now() WHERE id = :id")
                        .param("id", id)
                        .param("imageUrls", imageUrls.toArray(String[]::new))
                        .param("thumbnailUrl", thumbnailUrl)
                        .update()
                > 0;
    }

    List<UUID> listingPage(ListingQuery query) {
        Map<String, Object> params = new HashMap<>();
        String sql = query.pageSql(params);
        return jdbc.sql(sql).params(params).query(UUID.class).list();
    }

    long count(ListingQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = query.where(params);
        return jdbc.sql("SELECT count(*) FROM products WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    long activeCount() {
        return jdbc.sql("SELECT count(*) FROM products WHERE active")
                .query(Long.class)
                .single();
    }

    /** Every active product, streamed with a server-side cursor; must run inside a transaction. */
    Stream<ProductRow> streamActive() {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM products WHERE active")
                .withFetchSize(2_000)
                .query(ProductStore::map)
                .stream();
    }

    /**
     * A page of the products an admin console user manages, newest first, active or not: a seller's own
     * ({@code sellerId}) or everyone's ({@code sellerId} null), optionally matching {@code text} in the title,
     * SKU or brand. Returns the page's rows and the total.
     */
    ManagedRows managed(UUID sellerId, String text, long offset, int limit) {
        String where = "(CAST(:sellerId AS UUID) IS NULL OR seller_id = :sellerId) AND (CAST(:pattern AS TEXT) IS NULL "
                + "OR title ILIKE :pattern OR sku ILIKE :pattern OR brand ILIKE :pattern)";
        String pattern = text == null || text.isBlank()
                ? null
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ProductRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE " + where
                        + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .param("sellerId", sellerId)
                .param("pattern", pattern)
                .param("limit", limit)
                .param("offset", offset)
                .query(ProductStore::map)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM products WHERE " + where)
                .param("sellerId", sellerId)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        return new ManagedRows(rows, total);
    }

    record ManagedRows(List<ProductRow> rows, long total) {}

    /** Product ids by SKU; unknown SKUs are left out. */
    Map<String, UUID> idsBySku(Collection<String> skus) {
        Map<String, UUID> ids = new HashMap<>();
        if (skus.isEmpty()) {
            return ids;
        }
        jdbc.sql("SELECT sku, id FROM products WHERE sku = ANY(:skus)")
                .param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("sku"), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM products)")
                .query(Boolean.class)
                .single();
    }

    private static Map<String, Object> params(ProductFields fields) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", fields.title());
        params.put("description", fields.description());
        params.put("price", fields.price().amount());
        params.put("currency", fields.price().currency());
        params.put("categoryId", fields.categoryId());
        params.put("brand", fields.brand());
        params.put("imageUrls", fields.imageUrls().toArray(String[]::new));
        params.put("specifications", fields.specificationsJson());
        params.put("active", fields.active());
        params.put("sku", fields.sku());
        return params;
    }

    static ProductRow map(ResultSet rs, int row) throws SQLException {
        Array images = rs.getArray("image_urls");
        List<String> imageUrls = images == null ? List.of() : Arrays.asList((String[]) images.getArray());
        return new ProductRow(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                Money.of(rs.getBigDecimal("price"), rs.getString("currency")),
                rs.getObject("category_id", UUID.class),
                rs.getString("brand"),
                rs.getBigDecimal("rating"),
                rs.getInt("review_count"),
                List.copyOf(imageUrls),
                rs.getString("thumbnail_url"),
                rs.getString("specifications"),
                rs.getObject("seller_id", UUID.class),
                rs.getBoolean("active"),
                rs.getLong("popularity"),
                rs.getString("sku"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** The fields a seller or admin sets on a product. */
    record ProductFields(
            String title,
            String description,
            Money price,
            UUID categoryId,
            String brand,
            List<String> imageUrls,
            String specificationsJson,
            boolean active,
            String sku) {}
}
