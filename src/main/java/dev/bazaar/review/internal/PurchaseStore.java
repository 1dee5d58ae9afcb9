package dev.bazaar.review.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code review_purchases} table: who bought what, as far as reviews need to know. Writing a review and
 * recording a purchase of the same user and product serialise on a transaction-scoped advisory lock, so a review
 * written while the purchase is being recorded is still marked verified by one of the two.
 */
@Repository
class PurchaseStore {

    private final JdbcClient jdbc;

    PurchaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the lock of this user and product until the transaction ends. */
    void lock(UUID userId, UUID productId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "review-purchase:" + userId + ":" + productId)
                .query((RowCallbackHandler) rs -> {});
    }

    /** Records the purchase; nothing happens if it was recorded before. */
    void record(UUID userId, UUID productId, Instant paidAt) {
        jdbc.sql("INSERT INTO review_purchases (user_id, product_id, first_paid_at) "
                        + "VALUES (:userId, :productId, :paidAt) ON CONFLICT DO NOTHING")
                .param("userId", userId)
                .param("productId", productId)
                .param("paidAt", OffsetDateTime.ofInstant(paidAt, ZoneOffset.UTC))
                .update();
    }
}
