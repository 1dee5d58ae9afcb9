package dev.bazaar.cart.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code carts} and {@code cart_items} tables. */
@Repository
class CartStore {

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CartRows> load(CartOwner owner) {
        Optional<CartRows> cart = switch (owner) {
            case CartOwner.User user -> header("user_id = :key", user.userId());
            case CartOwner.Guest guest -> header("guest_token_hash = :key", guest.tokenHash());
            case CartOwner.NewGuest ignored -> Optional.empty();
        };
        return cart.map(header -> new CartRows(
                header.id(), header.userId(), header.couponCode(), header.updatedAt(), lines(header.id())));
    }

    /**
     * The user's cart read from the database (not the cache), its row locked until the transaction ends: every
     * checkout of one user, and the clearing after one, queue here.
     */
    Optional<CartRows> lockUserCart(UUID userId) {
        return header("user_id = :key FOR UPDATE", userId)
                .map(header -> new CartRows(
                        header.id(), header.userId(), header.couponCode(), header.updatedAt(), lines(header.id())));
    }

    /** Whether a cart exists under this guest token (only tokens the server issued have one). */
    boolean guestCartExists(String tokenHash) {
        return jdbc.sql("SELECT count(*) FROM carts WHERE guest_token_hash = :key")
                        .param("key", tokenHash)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private Optional<CartRows> header(String condition, Object key) {
        return jdbc.sql("SELECT id, user_id, coupon_code, updated_at FROM carts WHERE " + condition)
                .param("key", key)
                .query((rs, row) -> new CartRows(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("coupon_code"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        List.of()))
                .optional();
    }

    List<CartRows.Line> lines(UUID cartId) {
        return jdbc.sql("SELECT id, product_id, quantity, price, created_at FROM cart_items WHERE cart_id = :cartId "
                        + "ORDER BY created_at, id")
                .param("cartId", cartId)
                .query(CartStore::line)
                .list();
    }

    /** The owner's cart id, creating the cart if needed; safe when two requests create it at once. */
    UUID ensureCart(CartOwner owner) {
        return switch (owner) {
            case CartOwner.User user ->
                jdbc.sql("INSERT INTO carts (user_id) VALUES (:key) ON CONFLICT (user_id) DO UPDATE "
                                + "SET updated_at = now() RETURNING id")
                        .param("key", user.userId())
                        .query(UUID.class)
                        .single();
            case CartOwner.Guest guest ->
                jdbc.sql("INSERT INTO carts (guest_token_hash) VALUES (:key) ON CONFLICT (guest_token_hash) "
                                + "DO UPDATE SET updated_at = now() RETURNING id")
                        .param("key", guest.tokenHash())
                        .query(UUID.class)
                        .single();
            case CartOwner.NewGuest ignored -> throw new IllegalArgumentException("a new guest has no cart yet");
        };
    }

    /**
     * Adds units of a product, in one statement so that concurrent additions of the same product end as one
     * line with every unit counted. Returns the line as it now is, or empty (and changes nothing) when the
     * line would exceed {@code maxQuantity}.
     */
    Optional<CartRows.Line> addUnits(UUID cartId, UUID productId, int quantity, BigDecimal price, int maxQuantity) {
        return jdbc.sql("INSERT INTO cart_items (cart_id, product_id, quantity, price) "
                        + "VALUES (:cartId, :productId, :quantity, :price) ON CONFLICT (cart_id, product_id) DO UPDATE "
                        + "SET quantity = cart_items.quantity + EXCLUDED.quantity, updated_at = now() "
                        + "WHERE cart_items.quantity + EXCLUDED.quantity <= :max "
                        + "RETURNING id, product_id, quantity, price, created_at")
                .param("cartId", cartId)
                .param("productId", productId)
                .param("quantity", quantity)
                .param("price", price)
                .param("max", maxQuantity)
                .query(CartStore::line)
                .optional();
    }

    /** A line of this cart, locked until the transaction ends. */
    Optional<CartRows.Line> lockLine(UUID cartId, UUID itemId) {
        return jdbc.sql("SELECT id, product_id, quantity, price, created_at FROM cart_items "
                        + "WHERE id = :itemId AND cart_id = :cartId FOR UPDATE")
                .param("itemId", itemId)
                .param("cartId", cartId)
                .query(CartStore::line)
                .optional();
    }

    void setQuantity(UUID itemId, int quantity) {
        jdbc.sql("UPDATE cart_items SET quantity = :quantity, updated_at = now() WHERE id = :id")
                .param("id", itemId)
                .param("quantity", quantity)
                .update();
    }

    void deleteLine(UUID itemId) {
        jdbc.sql("DELETE FROM cart_items WHERE id = :id").param("id", itemId).update();
    }

    void deleteAllLines(UUID cartId) {
        jdbc.sql("DELETE FROM cart_items WHERE cart_id = :cartId")
                .param("cartId", cartId)
                .update();
    }

    void setCoupon(UUID cartId, String code) {
        jdbc.sql("UPDATE carts SET coupon_code = :code, updated_at = now() WHERE id = :id")
                .param("id", cartId)
                .param("code", code)
                .update();
    }

    /** Marks the cart as used now: a new idle period starts, and with it a new chance of a reminder. */
    void touch(UUID cartId) {
        jdbc.sql("UPDATE carts SET updated_at = now(), reminded_at = NULL WHERE id = :id")
                .param("id", cartId)
                .update();
    }

    void deleteCart(UUID cartId) {
        jdbc.sql("DELETE FROM carts WHERE id = :id").param("id", cartId).update();
    }

    /** Deletes up to {@code batch} carts idle since before the cut-offs; returns how many. */
    int purgeExpired(Instant guestIdleSince, Instant userIdleSince, int batch) {
        return jdbc.sql("DELETE FROM carts WHERE id IN (SELECT id FROM carts WHERE "
                        + "(user_id IS NULL AND updated_at < :guestCutoff) OR (user_id IS NOT NULL AND updated_at < :userCutoff) "
                        + "LIMIT :batch)")
                .param("guestCutoff", OffsetDateTime.ofInstant(guestIdleSince, ZoneOffset.UTC))
                .param("userCutoff", OffsetDateTime.ofInstant(userIdleSince, ZoneOffset.UTC))
                .param("batch", batch)
                .update();
    }

    /**
     * User carts with items, idle since before the cut-off and not yet reminded in this idle period. Locked,
     * skipping rows another instance holds, so two instances never remind the same cart.
     */
    List<IdleCart> lockIdleCarts(Instant idleSince, int batch) {
        return jdbc.sql("SELECT c.id, c.user_id FROM carts c WHERE c.user_id IS NOT NULL AND c.updated_at < :cutoff "
                        + "AND c.reminded_at IS NULL AND EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id) "
                        + "ORDER BY c.updated_at LIMIT :batch FOR UPDATE SKIP LOCKED")
                .param("cutoff", OffsetDateTime.ofInstant(idleSince, ZoneOffset.UTC))
                .param("batch", batch)
                .query((rs, row) -> new IdleCart(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .list();
    }

    void markReminded(UUID cartId) {
        jdbc.sql("UPDATE carts SET reminded_at = now() WHERE id = :id")
                .param("id", cartId)
                .update();
    }

    private static CartRows.Line line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CartRows.Line(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getInt("quantity"),
                rs.getBigDecimal("price"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    record IdleCart(UUID cartId, UUID userId) {}
}
