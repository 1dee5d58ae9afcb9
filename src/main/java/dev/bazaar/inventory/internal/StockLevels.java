package dev.bazaar.inventory.internal;

import dev.bazaar.inventory.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code inventory_items} table behind the {@link Inventory} API. */
@Service
class StockLevels implements Inventory {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StockLevels(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public int available(UUID productId) {
        return jdbc.sql("SELECT on_hand - reserved FROM inventory_items WHERE product_id = :id")
                .param("id", productId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public Map<UUID, Integer> available(Collection<UUID> productIds) {
        Map<UUID, Integer> result = new HashMap<>();
        productIds.forEach(id -> result.put(id, 0));
        if (productIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT product_id, on_hand - reserved AS available FROM inventory_items "
                        + "WHERE product_id = ANY(:ids)")
                .param("ids", productIds.toArray(UUID[]::new))
                .query((rs, row) -> result.put(rs.getObject("product_id", UUID.class), rs.getInt("available")))
                .list();
        return result;
    }

    @Override
    @Transactional
    public void setOnHand(UUID productId, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("on-hand stock cannot be negative");
        }
        jdbc.sql("INSERT INTO inventory_items (product_id, on_hand) VALUES (:id, :onHand) "
                        + "ON CONFLICT (product_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()")
                .param("id", productId)
                .param("onHand", onHand)
                .update();
    }

    @Override
    @Transactional
    public long loadOnHand(Stream<StockLevel> levels) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            long rows = 0;
            try (Writer out = new java.io.OutputStreamWriter(
                    new PGCopyOutputStream(pg, "COPY inventory_items (product_id, on_hand) FROM STDIN"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                var iterator = levels.iterator();
                while (iterator.hasNext()) {
                    StockLevel level = iterator.next();
                    out.write(level.productId().toString());
                    out.write('\t');
                    out.write(Integer.toString(Math.max(0, level.onHand())));
                    out.write('\n');
                    rows++;
                }
            }
            jdbc.sql("ANALYZE inventory_items").update();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("COPY into inventory_items failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
