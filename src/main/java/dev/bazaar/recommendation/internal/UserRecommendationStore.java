package dev.bazaar.recommendation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code user_recommendations} table: each user's stored list per type, replaced whole. */
@Repository
class UserRecommendationStore {

    private final JdbcClient jdbc;

    UserRecommendationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredRecommendations> find(UUID userId, RecommendationType type) {
        List<Row> rows = jdbc.sql("SELECT product_id, score, reason, created_at FROM user_recommendations "
                        + "WHERE user_id = :user AND algorithm = :type ORDER BY rank")
                .param("user", userId)
                .param("type", type.value())
                .query((rs, n) -> new Row(
                        new StoredRecommendations.Item(
                                rs.getObject("product_id", UUID.class),
                                rs.getBigDecimal("score").doubleValue(),
                                rs.getString("reason")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredRecommendations(
                rows.stream().map(Row::item).toList(), rows.getFirst().createdAt()));
    }

    /**
     * Replaces the user's list of this type. A user without any recommendation gets no rows: the next read
     * computes again (a new user's list is the popular one, cheap and changing).
     */
    @Transactional
    void replace(UUID userId, RecommendationType type, StoredRecommendations list) {
        // Two replacements of one list at once (two first reads of a shopper's list, a read and the refresher)
        // would each delete what they see and insert: the second insert then meets the first one's rows
        // (a duplicate key, answered 409). One at a time per user and type; the last one wins whole.
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))) AS locked")
                .param("lock", "user_recommendations:" + userId + ":" + type.value())
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM user_recommendations WHERE user_id = :user AND algorithm = :type")
                .param("user", userId)
                .param("type", type.value())
                .update();
        int n = list.items().size();
        if (n == 0) {
            return;
        }
        UUID[] products = new UUID[n];
        Double[] scores = new Double[n];
        String[] reasons = new String[n];
        Integer[] ranks = new Integer[n];
        for (int i = 0; i < n; i++) {
            StoredRecommendations.Item item = list.items().get(i);
            products[i] = item.productId();
            scores[i] = item.score();
            reasons[i] = item.reason();
            ranks[i] = i;
        }
        jdbc.sql("INSERT INTO user_recommendations (user_id, product_id, score, algorithm, rank, reason, created_at) "
                        // DECIMAL(10, 6): blended scores are sums of a few weights times normalised scores, far below
                        // 10^4
                        + "SELECT :user, r.product_id, round(r.score::numeric, 6), :type, r.rank, r.reason, :at "
                        + "FROM unnest(:products, :scores, :reasons, :ranks) AS r (product_id, score, reason, rank)")
                .param("user", userId)
                .param("type", type.value())
                .param("at", OffsetDateTime.ofInstant(list.generatedAt(), ZoneOffset.UTC))
                .param("products", products)
                .param("scores", scores)
                .param("reasons", reasons)
                .param("ranks", ranks)
                .update();
    }

    /** Deletes the users' lists of every type, in the caller's transaction. */
    /**
     * Holds the users' lists until the transaction ends (a PostgreSQL advisory lock per user, taken in id order so
     * two callers never wait on each other): marking lists stale and storing a list computed in the background
     * take it, so a background list computed before new behaviour cannot be stored after that behaviour's mark.
     */
    void lock(Collection<UUID> userIds) {
        jdbc.sql("SELECT count(pg_advisory_xact_lock(k)) FROM "
                        + "(SELECT hashtextextended(u::text, 0) AS k FROM unnest(:users) AS u ORDER BY u) AS locks")
                .param("users", userIds.stream().sorted().toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    void deleteLists(Collection<UUID> userIds) {
        jdbc.sql("DELETE FROM user_recommendations WHERE user_id = ANY(:users)")
                .param("users", userIds.toArray(UUID[]::new))
                .update();
    }

    private record Row(StoredRecommendations.Item item, Instant createdAt) {}
}
