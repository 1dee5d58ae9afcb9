package dev.bazaar.recommendation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_behavior} table: behaviour rows, keyed by the event that caused them, and what is read back. */
@Repository
class Behaviours {

    private final JdbcClient jdbc;

    Behaviours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one behaviour row unless a row with the same event key exists (a redelivered event).
     *
     * @param metadata a JSON object, built by the caller from numbers and ids only
     * @return whether a row was inserted
     */
    boolean record(String eventKey, UUID userId, UUID productId, String type, String metadata, Instant at) {
        return jdbc.sql("INSERT INTO user_behavior (user_id, product_id, event_type, metadata, created_at, event_key) "
                                + "SELECT CAST(:user AS uuid), :product, :type, CAST(:metadata AS jsonb), :at, :key "
                                // the product or user may have been deleted since the event (their rows would
                                // cascade anyway): skip the row rather than fail the listener on the foreign key
                                + "WHERE EXISTS (SELECT 1 FROM products WHERE id = :product) "
                                + "AND (CAST(:user AS uuid) IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = :user)) "
                                + "ON CONFLICT (event_key) DO NOTHING")
                        .param("user", userId)
                        .param("product", productId)
                        .param("type", type)
                        .param("metadata", metadata)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("key", eventKey)
                        .update()
                > 0;
    }

    /** The distinct products of each order whose purchase rows are newer than {@code window}. */
    List<List<UUID>> orderBaskets(Duration window) {
        Map<String, List<UUID>> baskets = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT metadata ->> 'orderId' AS order_id, product_id FROM user_behavior "
                        + "WHERE event_type = 'purchase' AND metadata ->> 'orderId' IS NOT NULL AND created_at > :from "
                        + "ORDER BY order_id")
                .param("from", OffsetDateTime.ofInstant(Instant.now().minus(window), ZoneOffset.UTC))
                .query((rs, n) -> {
                    baskets.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>())
                            .add(rs.getObject("product_id", UUID.class));
                    return null;
                })
                .list();
        return List.copyOf(baskets.values());
    }

    /** Views and purchases per product over the window; products with neither are absent. */
    List<Counts> counts(Duration window) {
        return jdbc.sql("SELECT product_id, "
                        + "count(*) FILTER (WHERE event_type = 'view') AS views, "
                        + "count(*) FILTER (WHERE event_type = 'purchase') AS purchases "
                        + "FROM user_behavior WHERE event_type IN ('view', 'purchase') AND created_at > :from "
                        + "GROUP BY product_id")
                .param("from", OffsetDateTime.ofInstant(Instant.now().minus(window), ZoneOffset.UTC))
                .query((rs, n) -> new Counts(
                        rs.getObject("product_id", UUID.class), rs.getLong("views"), rs.getLong("purchases")))
                .list();
    }

    record Counts(UUID productId, long views, long purchases) {}
}
