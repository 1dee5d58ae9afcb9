package dev.bazaar.inventory.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inventory_movements} history: every change of stock with its reason. */
@Repository
class StockMovementStore {

    private final JdbcClient jdbc;

    StockMovementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID productId, int onHandDelta, int reservedDelta, String reason, String reference) {
        jdbc.sql("INSERT INTO inventory_movements (product_id, on_hand_delta, reserved_delta, on_hand_after, reason, "
                        + "reference) SELECT :productId, :onHand, :reserved, on_hand, :reason, :reference "
                        + "FROM inventory_items WHERE product_id = :productId")
                .param("productId", productId)
                .param("onHand", onHandDelta)
                .param("reserved", reservedDelta)
                .param("reason", reason)
                .param("reference", reference)
                .update();
    }

    List<Movement> recent(UUID productId, int limit) {
        return jdbc.sql(
                        "SELECT on_hand_delta, reserved_delta, on_hand_after, reason, reference, created_at "
                                + "FROM inventory_movements WHERE product_id = :productId ORDER BY created_at DESC LIMIT :limit")
                .param("productId", productId)
                .param("limit", limit)
                .query((rs, row) -> new Movement(
                        rs.getInt("on_hand_delta"),
                        rs.getInt("reserved_delta"),
                        rs.getInt("on_hand_after"),
                        rs.getString("reason"),
                        rs.getString("reference"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    record Movement(
            int onHandDelta, int reservedDelta, int onHandAfter, String reason, String reference, OffsetDateTime at) {}
}
