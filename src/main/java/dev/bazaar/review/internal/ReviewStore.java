package dev.bazaar.review.internal;

import dev.bazaar.catalog.RatingSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reviews} table. */
@Repository
class ReviewStore {

    private static final String COLUMNS =
            "id, user_id, product_id, rating, comment, helpful_count, verified_purchase, created_at, updated_at";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a user's review of a product, verified if the purchase is already recorded; empty if the user has
     * reviewed the product already (also when a concurrent first review of theirs commits first).
     */
    Optional<ReviewRow> insert(UUID userId, UUID productId, int rating, String comment) {
        return jdbc.sql("INSERT INTO reviews (user_id, product_id, rating, comment, verified_purchase) "
                        + "VALUES (:userId, :productId, :rating, :comment, EXISTS (SELECT 1 FROM review_purchases p "
                        + "WHERE p.user_id = :userId AND p.product_id = :productId)) "
                        + "ON CONFLICT (user_id, product_id) DO NOTHING RETURNING " + COLUMNS)
                .param("userId", userId)
                .param("productId", productId)
                .param("rating", rating)
                .param("comment", comment)
                .query(ReviewStore::map)
                .optional();
    }

    Optional<ReviewRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE id = :id")
                .param("id", id)
                .query(ReviewStore::map)
                .optional();
    }

    /** A user's review of a product (there is at most one). */
    Optional<ReviewRow> findByAuthor(UUID productId, UUID authorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE product_id = :productId AND user_id = :userId")
                .param("productId", productId)
                .param("userId", authorId)
                .query(ReviewStore::map)
                .optional();
    }

    /** The review, locked against deletion (not against votes) until the transaction ends. */
    Optional<ReviewRow> findKeyShared(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE id = :id FOR KEY SHARE")
                .param("id", id)
                .query(ReviewStore::map)
                .optional();
    }

    /** The author's own review, locked against concurrent changes until the transaction ends. */
    Optional<ReviewRow> findOwnForUpdate(UUID id, UUID authorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE id = :id AND user_id = :userId FOR NO KEY UPDATE")
                .param("id", id)
                .param("userId", authorId)
                .query(ReviewStore::map)
                .optional();
    }

    ReviewRow update(UUID id, int rating, String comment) {
        return jdbc.sql("UPDATE reviews SET rating = :rating, comment = :comment, updated_at = now() WHERE id = :id "
                        + "RETURNING " + COLUMNS)
                .param("id", id)
                .param("rating", rating)
                .param("comment", comment)
                .query(ReviewStore::map)
                .single();
    }

    /** Deletes the review if {@code userId} wrote it, or any review if {@code anyAuthor}; empty if none was. */
    Optional<ReviewRow> delete(UUID id, UUID userId, boolean anyAuthor) {
        return jdbc.sql("DELETE FROM reviews WHERE id = :id AND (user_id = :userId OR :anyAuthor) RETURNING " + COLUMNS)
                .param("id", id)
                .param("userId", userId)
                .param("anyAuthor", anyAuthor)
                .query(ReviewStore::map)
                .optional();
    }

    ReviewRow incrementHelpful(UUID id) {
        return jdbc.sql("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = :id RETURNING " + COLUMNS)
                .param("id", id)
                .query(ReviewStore::map)
                .single();
    }

    /** Marks the user's reviews of these products as verified purchases; returns how many changed. */
    int markVerified(UUID userId, Collection<UUID> productIds) {
        return jdbc.sql("UPDATE reviews SET verified_purchase = true "
                        + "WHERE user_id = :userId AND product_id = ANY(:productIds) AND NOT verified_purchase")
                .param("userId", userId)
                .param("productIds", productIds.toArray(UUID[]::new))
                .update();
    }

    List<ReviewRow> page(UUID productId, ReviewSort sort, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reviews WHERE product_id = :productId ORDER BY " + sort.orderBy
                        + " LIMIT :limit OFFSET :offset")
                .param("productId", productId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ReviewStore::map)
                .list();
    }

    long count(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM reviews WHERE product_id = :productId")
                .param("productId", productId)
                .query(Long.class)
                .single();
    }

    /** Count and mean rating of the product's reviews, as this transaction sees them now. */
    RatingSummary summary(UUID productId) {
        return jdbc.sql("SELECT count(*) AS n, coalesce(sum(rating), 0) AS total FROM reviews "
                        + "WHERE product_id = :productId")
                .param("productId", productId)
                .query((rs, row) -> RatingSummary.of(rs.getLong("total"), rs.getInt("n")))
                .single();
    }

    /** Number of reviews per star rating; ratings nobody gave are left out. */
    Map<Integer, Long> histogram(UUID productId) {
        Map<Integer, Long> histogram = new HashMap<>();
        jdbc.sql("SELECT rating, count(*) AS n FROM reviews WHERE product_id = :productId GROUP BY rating")
                .param("productId", productId)
                .query(rs -> {
                    histogram.put(rs.getInt("rating"), rs.getLong("n"));
                });
        return histogram;
    }

    private static ReviewRow map(ResultSet rs, int row) throws SQLException {
        return new ReviewRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getInt("rating"),
                rs.getString("comment"),
                rs.getInt("helpful_count"),
                rs.getBoolean("verified_purchase"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
