package dev.bazaar.payment.internal;

import dev.bazaar.platform.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payments} table: every money transaction, keyed by the idempotency key it was sent with. */
@Repository
class PaymentStore {

    private static final String COLUMNS = "id, order_id, user_id, method, operation, amount, currency, status, "
            + "gateway_reference, idempotency_key, decline_reason, parent_id, gift_card_code";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row for a key: the one just inserted ({@code inserted}), or the one a previous call left. */
    record Reserved(PaymentRow row, boolean inserted) {}

    /**
     * Inserts the row unless one with its idempotency key exists; a concurrent insert of the same key waits for
     * the other transaction and then finds its row.
     */
    Reserved reserve(PaymentRow.New row) {
        Optional<PaymentRow> inserted = jdbc.sql("INSERT INTO payments (order_id, user_id, method, operation, amount, "
                        + "currency, status, idempotency_key, parent_id, gift_card_code, reason) VALUES (:order, :user, "
                        + ":method, :operation, :amount, :currency, :status, :key, :parent, :giftCard, :reason) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + COLUMNS)
                .param("order", row.orderId())
                .param("user", row.userId())
                .param("method", PaymentRow.methodColumn(row.method()))
                .param("operation", row.operation().column())
                .param("amount", row.amount().amount())
                .param("currency", row.amount().currency())
                .param("status", row.status().column())
                .param("key", row.idempotencyKey())
                .param("parent", row.parentId())
                .param("giftCard", row.giftCardCode())
                .param("reason", row.reason())
                .query(PaymentStore::map)
                .optional();
        return inserted.map(found -> new Reserved(found, true))
                .orElseGet(() -> new Reserved(find(row.idempotencyKey()).orElseThrow(), false));
    }

    Optional<PaymentRow> find(String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(PaymentStore::map)
                .optional();
    }

    List<PaymentRow> findAll(Collection<String> idempotencyKeys) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE idempotency_key IN (:keys)")
                .param("keys", idempotencyKeys)
                .query(PaymentStore::map)
                .list();
    }

    PaymentRow get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
                .param("id", id)
                .query(PaymentStore::map)
                .single();
    }

    /**
     * Records the answer to an unsettled row. A row already settled keeps its answer (a concurrent call with the
     * same key got there first, with the same answer from the gateway); the row as it stands is returned.
     */
    PaymentRow settle(UUID id, PaymentRow.Status status, String gatewayReference, String declineReason) {
        return jdbc.sql("UPDATE payments SET status = :status, gateway_reference = :reference, "
                        + "decline_reason = :reason, updated_at = now() WHERE id = :id "
                        + "AND status IN ('unknown', 'failed') RETURNING " + COLUMNS)
                .param("id", id)
                .param("status", status.column())
                .param("reference", gatewayReference)
                .param("reason", declineReason)
                .query(PaymentStore::map)
                .optional()
                .orElseGet(() -> get(id));
    }

    /** Marks an unsettled row: {@code unknown} before it is sent, {@code failed} when it could not be sent. */
    void mark(UUID id, PaymentRow.Status status) {
        jdbc.sql("UPDATE payments SET status = :status, updated_at = now() WHERE id = :id "
                        + "AND status IN ('unknown', 'failed')")
                .param("id", id)
                .param("status", status.column())
                .update();
    }

    /**
     * The order's charges that took money (succeeded captures and debits), oldest first, locked: refunds of an
     * order queue up here, so that two at once cannot both spend the same captured amount.
     */
    List<PaymentRow> lockCharges(UUID orderId) {
        return jdbc.sql(
                        "SELECT " + COLUMNS + " FROM payments WHERE order_id = :order "
                                + "AND operation IN ('capture', 'debit') AND status = 'succeeded' ORDER BY created_at, id FOR UPDATE")
                .param("order", orderId)
                .query(PaymentStore::map)
                .list();
    }

    /**
     * What refunds and credits of a charge hold: those that succeeded and those that may have (sent, unanswered).
     * Declined ones and ones never sent hold nothing.
     */
    BigDecimal returned(UUID chargeId, UUID excludingRow) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payments WHERE parent_id = :charge "
                        + "AND operation IN ('refund', 'credit') AND status IN ('succeeded', 'unknown') "
                        + "AND id <> :excluding")
                .param("charge", chargeId)
                .param("excluding", excludingRow == null ? new UUID(0, 0) : excludingRow)
                .query(BigDecimal.class)
                .single();
    }

    boolean hasDue(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM payments WHERE order_id = :order AND operation = 'due')")
                .param("order", orderId)
                .query(Boolean.class)
                .single();
    }

    /** Succeeded captures and debits minus succeeded refunds and credits. */
    BigDecimal netCharged(UUID orderId) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(CASE WHEN operation IN ('capture', 'debit') THEN amount ELSE -amount END), 0) "
                                + "FROM payments WHERE order_id = :order AND status = 'succeeded' "
                                + "AND operation IN ('capture', 'debit', 'refund', 'credit')")
                .param("order", orderId)
                .query(BigDecimal.class)
                .single();
    }

    private static PaymentRow map(ResultSet rs, int row) throws SQLException {
        return new PaymentRow(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                PaymentRow.methodOfColumn(rs.getString("method")),
                PaymentRow.Operation.ofColumn(rs.getString("operation")),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                PaymentRow.Status.ofColumn(rs.getString("status")),
                rs.getString("gateway_reference"),
                rs.getString("idempotency_key"),
                rs.getString("decline_reason"),
                rs.getObject("parent_id", UUID.class),
                rs.getString("gift_card_code"));
    }
}
