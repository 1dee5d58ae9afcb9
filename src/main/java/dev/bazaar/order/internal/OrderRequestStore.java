package dev.bazaar.order.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency keys of order placements ({@code order_requests}): who sent which key with which body, the order it
 * created and the {@link CheckoutOutcome} it came to (as JSON, in {@code outcome}). Kept 48 hours.
 */
@Repository
class OrderRequestStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OrderRequestStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims the key for this request; false if it was claimed before (by this or another request). */
    boolean claim(UUID userId, String key, String requestHash) {
        return jdbc.sql("INSERT INTO order_requests (user_id, idempotency_key, request_hash, locked_until) "
                                + "VALUES (:userId, :key, :hash, now() + interval '30 seconds') "
                                + "ON CONFLICT (user_id, idempotency_key) DO NOTHING")
                        .param("userId", userId)
                        .param("key", key)
                        .param("hash", requestHash)
                        .update()
                == 1;
    }

    Optional<Claim> find(UUID userId, String key) {
        return jdbc.sql("SELECT request_hash, order_id, outcome::text AS outcome, created_at FROM order_requests "
                        + "WHERE user_id = :userId AND idempotency_key = :key")
                .param("userId", userId)
                .param("key", key)
                .query((rs, row) -> new Claim(
                        rs.getString("request_hash"),
                        rs.getObject("order_id", UUID.class),
                        outcome(rs.getString("outcome")),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    /** Takes over an unfinished request whose lease has passed; false if it is still in flight or finished. */
    boolean resume(UUID userId, String key) {
        return jdbc.sql(
                                "UPDATE order_requests SET locked_until = now() + interval '30 seconds' WHERE user_id = :userId "
                                        + "AND idempotency_key = :key AND outcome IS NULL "
                                        + "AND (locked_until IS NULL OR locked_until < now())")
                        .param("userId", userId)
                        .param("key", key)
                        .update()
                == 1;
    }

    /** Ends the lease without an answer: the request may be resumed with the same key. */
    void suspend(UUID userId, String key) {
        jdbc.sql("UPDATE order_requests SET locked_until = NULL WHERE user_id = :userId AND idempotency_key = :key")
                .param("userId", userId)
                .param("key", key)
                .update();
    }

    void attachOrder(UUID userId, String key, UUID orderId) {
        jdbc.sql("UPDATE order_requests SET order_id = :orderId WHERE user_id = :userId AND idempotency_key = :key")
                .param("orderId", orderId)
                .param("userId", userId)
                .param("key", key)
                .update();
    }

    /** Answers the request for good: the same key gets {@code outcome} from now on. */
    void complete(UUID userId, String key, CheckoutOutcome outcome) {
        jdbc.sql("UPDATE order_requests SET outcome = CAST(:outcome AS jsonb), locked_until = NULL "
                        + "WHERE user_id = :userId AND idempotency_key = :key")
                .param("outcome", json.writeValueAsString(outcome))
                .param("userId", userId)
                .param("key", key)
                .update();
    }

    /** Forgets a claim whose request failed before changing anything, so the same key can be retried. */
    void release(UUID userId, String key) {
        jdbc.sql("DELETE FROM order_requests WHERE user_id = :userId AND idempotency_key = :key AND outcome IS NULL")
                .param("userId", userId)
                .param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void purgeOld() {
        jdbc.sql("DELETE FROM order_requests WHERE created_at < now() - interval '48 hours'")
                .update();
    }

    private CheckoutOutcome outcome(String stored) {
        return stored == null ? null : json.readValue(stored, CheckoutOutcome.class);
    }

    /** {@code outcome}: null while the request is unanswered. */
    record Claim(String requestHash, UUID orderId, CheckoutOutcome outcome, OffsetDateTime createdAt) {}
}
