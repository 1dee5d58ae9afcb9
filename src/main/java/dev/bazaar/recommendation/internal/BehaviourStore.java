package dev.bazaar.recommendation.internal;

import dev.bazaar.recommendation.ProductViewsRecorded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_behavior} table: behaviour rows, keyed by the event that caused them, and what is read back. */
@Repository
class BehaviourStore {

    private final JdbcClient jdbc;

    BehaviourStore(JdbcClient jdbc) {
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
                        + "AND metadata ->> 'cancelled' IS NULL "
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
                        + "count(*) FILTER (WHERE event_type = 'purchase' AND metadata ->> 'cancelled' IS NULL) AS purchases "
                        + "FROM user_behavior WHERE event_type IN ('view', 'purchase') AND created_at > :from "
                        + "GROUP BY product_id "
                        + "HAVING count(*) FILTER (WHERE event_type = 'view' OR metadata ->> 'cancelled' IS NULL) > 0")
                .param("from", OffsetDateTime.ofInstant(Instant.now().minus(window), ZoneOffset.UTC))
                .query((rs, n) -> new Counts(
                        rs.getObject("product_id", UUID.class), rs.getLong("views"), rs.getLong("purchases")))
                .list();
    }

    /**
     * Flags the purchases of a cancelled order: they stay recorded (and keep their event keys, so a redelivered
     * OrderPlaced cannot count them again) but no longer count as purchases.
     *
     * @return the user whose purchases changed, if any row changed
     */
    Optional<UUID> cancelPurchases(UUID orderId) {
        return jdbc
                .sql("UPDATE user_behavior SET metadata = metadata || '{\"cancelled\": true}'::jsonb "
                        + "WHERE event_type = 'purchase' AND metadata ->> 'orderId' = :order "
                        + "AND metadata ->> 'cancelled' IS NULL RETURNING user_id")
                .param("order", orderId.toString())
                .query(UUID.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Records views in one statement; a view already recorded (a redelivered batch) is skipped by its key.
     *
     * @return how many rows were inserted
     */
    int recordViews(List<ProductViewsRecorded.View> views) {
        return insert(
                "view",
                views.stream()
                        .map(view -> new NewRow(
                                "view:" + view.viewId(),
                                view.userId(),
                                view.productId(),
                                view.guestKey() == null ? "{}" : "{\"guest\":\"" + view.guestKey() + "\"}",
                                view.at()))
                        .toList(),
                // as in record(): skip views of products or users deleted since
                true);
    }

    /**
     * One user's behaviour since {@code from}, oldest first, with cancelled purchases left out: what their
     * recommendations start from.
     */
    List<Row> history(UUID userId, Instant from) {
        return jdbc.sql("SELECT user_id, product_id, event_type, created_at, (metadata ->> 'rating')::int AS rating "
                        + "FROM user_behavior WHERE user_id = :user AND created_at > :from "
                        + "AND (event_type <> 'purchase' OR metadata ->> 'cancelled' IS NULL) ORDER BY created_at")
                .param("user", userId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .query(BehaviourStore::row)
                .list();
    }

    /**
     * Every signed-in user's behaviour since {@code from}, cancelled purchases left out, handed to {@code sink}
     * row by row (streamed: the whole log never sits in memory as rows).
     */
    void forEachSince(Instant from, Consumer<Row> sink) {
        jdbc
                .sql("SELECT user_id, product_id, event_type, created_at, (metadata ->> 'rating')::int AS rating "
                        + "FROM user_behavior WHERE user_id IS NOT NULL AND created_at > :from "
                        + "AND event_type <> 'remove_from_cart' "
                        + "AND (event_type <> 'purchase' OR metadata ->> 'cancelled' IS NULL)")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .query(BehaviourStore::row)
                .stream()
                .forEach(sink);
    }

    /** How many behaviour rows the user has: a precompute compares it before and after to see new behaviour. */
    long countOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM user_behavior WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Users with any behaviour since {@code from}, most recently active first. */
    List<UUID> activeUsers(Instant from, int limit) {
        return jdbc.sql("SELECT user_id FROM user_behavior WHERE user_id IS NOT NULL AND created_at > :from "
                        + "GROUP BY user_id ORDER BY max(created_at) DESC LIMIT :limit")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** An imported purchase (the demo history): one product of one order. */
    record Purchase(String orderId, UUID userId, UUID productId, Instant at) {}

    /**
     * Records imported purchases, keyed {@code import:{order}:{product}} so that importing again adds nothing, in
     * statements of {@value #IMPORT_BATCH} rows.
     */
    void recordPurchases(List<Purchase> purchases) {
        for (int from = 0; from < purchases.size(); from += IMPORT_BATCH) {
            insert(
                    "purchase",
                    purchases.subList(from, Math.min(purchases.size(), from + IMPORT_BATCH)).stream()
                            .map(purchase -> new NewRow(
                                    "import:" + purchase.orderId() + ":" + purchase.productId(),
                                    purchase.userId(),
                                    purchase.productId(),
                                    "{\"orderId\":\"" + purchase.orderId() + "\",\"quantity\":1,\"imported\":true}",
                                    purchase.at()))
                            .toList(),
                    false);
        }
    }

    /** A behaviour row to insert; {@code metadata} is a JSON object built from numbers and ids only. */
    private record NewRow(String key, UUID userId, UUID productId, String metadata, Instant at) {}

    /**
     * Inserts rows of one type in one statement, skipping keys already recorded.
     *
     * @param skipMissing leave out rows whose product or user no longer exists (events may be older than a deletion)
     * @return how many rows were inserted
     */
    private int insert(String type, List<NewRow> rows, boolean skipMissing) {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        String[] keys = new String[n];
        UUID[] users = new UUID[n];
        UUID[] products = new UUID[n];
        String[] metadata = new String[n];
        Long[] at = new Long[n];
        for (int i = 0; i < n; i++) {
            NewRow row = rows.get(i);
            keys[i] = row.key();
            users[i] = row.userId();
            products[i] = row.productId();
            metadata[i] = row.metadata();
            at[i] = row.at().toEpochMilli();
        }
        return jdbc.sql("INSERT INTO user_behavior (user_id, product_id, event_type, metadata, created_at, event_key) "
                        + "SELECT v.user_id, v.product_id, :type, CAST(v.metadata AS jsonb), to_timestamp(v.at / 1000.0), v.key "
                        + "FROM unnest(:keys, :users, :products, :metadata, :at) "
                        + "AS v (key, user_id, product_id, metadata, at) "
                        + (skipMissing
                                ? "WHERE EXISTS (SELECT 1 FROM products p WHERE p.id = v.product_id) "
                                        + "AND (v.user_id IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.id = v.user_id)) "
                                : "")
                        + "ON CONFLICT (event_key) DO NOTHING")
                .param("type", type)
                .param("keys", keys)
                .param("users", users)
                .param("products", products)
                .param("metadata", metadata)
                .param("at", at)
                .update();
    }

    private static final int IMPORT_BATCH = 20_000;

    boolean hasPurchases() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_behavior WHERE event_type = 'purchase')")
                .query(Boolean.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        int rating = rs.getInt("rating");
        return new Row(
                rs.getObject("user_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.wasNull() ? 0 : rating);
    }

    record Counts(UUID productId, long views, long purchases) {}

    /** One behaviour: {@code rating} is a review's stars, 0 for other types. */
    record Row(UUID userId, UUID productId, String type, Instant at, int rating) {}
}
