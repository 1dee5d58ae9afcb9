package dev.bazaar.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product_images} and {@code media_state} tables. */
@Repository
class ProductImageStore {

    private static final String COLUMNS = "id, product_id, position, hash, extension, format, width, height, sizes";
    /** The first key of the advisory locks that serialise changes to one product's images. */
    private static final int LOCK_NAMESPACE = 0x4D454449; // "MEDI"

    private final JdbcClient jdbc;

    ProductImageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ImageRow(
            UUID id,
            UUID productId,
            int position,
            String hash,
            String extension,
            String format,
            int width,
            int height,
            List<String> sizes) {}

    /** Serialises changes to one product's images until the transaction ends. */
    void lockProduct(UUID productId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :key)")
                .param("namespace", LOCK_NAMESPACE)
                .param("key", productId.hashCode())
                .query((rs, n) -> 1)
                .single();
    }

    List<ImageRow> ofProduct(UUID productId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM product_images WHERE product_id = :productId ORDER BY position, id")
                .param("productId", productId)
                .query(ProductImageStore::map)
                .list();
    }

    Optional<ImageRow> byHash(UUID productId, String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product_images WHERE product_id = :productId AND hash = :hash")
                .param("productId", productId)
                .param("hash", hash)
                .query(ProductImageStore::map)
                .optional();
    }

    ImageRow insert(
            UUID productId,
            String hash,
            String extension,
            String format,
            int width,
            int height,
            List<String> sizes,
            UUID uploadedBy) {
        return jdbc.sql("INSERT INTO product_images (product_id, position, hash, extension, format, width, height, "
                        + "sizes, uploaded_by) VALUES (:productId, (SELECT COALESCE(max(position) + 1, 0) FROM "
                        + "product_images WHERE product_id = :productId), :hash, :extension, :format, :width, "
                        + ":height, :sizes, :uploadedBy) RETURNING " + COLUMNS)
                .param("productId", productId)
                .param("hash", hash)
                .param("extension", extension)
                .param("format", format)
                .param("width", width)
                .param("height", height)
                .param("sizes", sizes.toArray(String[]::new))
                .param("uploadedBy", uploadedBy)
                .query(ProductImageStore::map)
                .single();
    }

    boolean delete(UUID productId, UUID imageId) {
        return jdbc.sql("DELETE FROM product_images WHERE product_id = :productId AND id = :id")
                        .param("productId", productId)
                        .param("id", imageId)
                        .update()
                > 0;
    }

    void setPosition(UUID imageId, int position) {
        jdbc.sql("UPDATE product_images SET position = :position WHERE id = :id")
                .param("id", imageId)
                .param("position", position)
                .update();
    }

    /** The ids of the products, among those given, that have at least one image. */
    Set<UUID> productsWithImages(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT product_id FROM product_images WHERE product_id = ANY(:ids)")
                .param("ids", productIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** Every product with images, for republishing their URLs. */
    List<UUID> allProducts() {
        return jdbc.sql("SELECT DISTINCT product_id FROM product_images")
                .query(UUID.class)
                .list();
    }

    boolean exists(UUID productId, String hash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM product_images WHERE product_id = :productId AND hash = :hash)")
                .param("productId", productId)
                .param("hash", hash)
                .query(Boolean.class)
                .single();
    }

    Optional<String> state(String name) {
        return jdbc.sql("SELECT value FROM media_state WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    void setState(String name, String value) {
        jdbc.sql("INSERT INTO media_state (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")
                .param("name", name)
                .param("value", value)
                .update();
    }

    private static ImageRow map(ResultSet rs, int n) throws SQLException {
        return new ImageRow(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getInt("position"),
                rs.getString("hash"),
                rs.getString("extension"),
                rs.getString("format"),
                rs.getInt("width"),
                rs.getInt("height"),
                List.copyOf(Arrays.asList((String[]) rs.getArray("sizes").getArray())));
    }
}
