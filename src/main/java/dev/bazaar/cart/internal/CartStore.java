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

    /**
     * Adds units of a product to the owner's cart in one statement: the cart is created if needed and marked as used
     * now (its row locked, so additions to one cart queue here), and the line is created or grows by {@code
     * quantity}, so that concurrent additions of one product end as one line with every unit counted. The line is
     * empty (and nothing changed) when it would exceed {@code maxQuantity}; the caller then rolls back the cart's
     * touch by failing.
     */
    AddedUnits addToCart(CartOwner owner, UUID productId, int quantity, BigDecimal price, int maxQuantity) {
        String ownerColumn = switch (owner) {
            case CartOwner.User ignored -> "user_id";
            case CartOwner.Guest ignored -> "guest_token_hash";
            case CartOwner.NewGuest ignored -> throw new IllegalArgumentException("a new guest has no cart yet");
        };
        Object key = owner instanceof CartOwner.User user ? user.userId() : ((CartOwner.Guest) owner).tokenHash();
        return jdbc.sql("WITH cart AS (INSERT INTO carts (" + ownerColumn + ") VALUES (:key) ON CONFLICT ("
                        + ownerColumn + ") DO UPDATE SET updated_at = now(), reminded_at = NULL "
                        + "RETURNING id, coupon_code, updated_at), "
                        + "line AS (INSERT INTO cart_items (cart_id, product_id, quantity, price) "
                        + "SELECT id, :productId, :quantity, :price FROM cart ON CONFLICT (cart_id, product_id) DO UPDATE "
                        + "SET quantity = cart_items.quantity + EXCLUDED.quantity, updated_at = now() "
                        + "WHERE cart_items.quantity + EXCLUDED.quantity <= :max "
                        + "RETURNING id, product_id, quantity, price, created_at) "
                        + "SELECT cart.id AS cart_id, cart.coupon_code, cart.updated_at AS cart_updated_at, line.* "
                        + "FROM cart LEFT JOIN line ON true")
                .param("key", key)
                .param("productId", productId)
                .param("quantity", quantity)
                .param("price", price)
                .param("max", maxQuantity)
                .query((rs, row) -> new AddedUnits(
                        rs.getObject("cart_id", UUID.class),
                        rs.getString("coupon_code"),
                        rs.getObject("cart_updated_at", OffsetDateTime.class),
                        rs.getObject("id") == null ? Optional.empty() : Optional.of(line(rs, row))))
                .single();
    }

    /** The signed-in shoppers whose carts hold the product. */
    List<UUID> usersWithProduct(UUID productId) {
        return jdbc.sql("SELECT c.user_id FROM cart_items i JOIN carts c ON c.id = i.cart_id "
                        + "WHERE i.product_id = :productId AND c.user_id IS NOT NULL")
                .param("productId", productId)
                .query(UUID.class)
                .list();
    }

    /** The signed-in shoppers whose carts carry the coupon. */
    List<UUID> usersWithCoupon(String code) {
        return jdbc.sql("SELECT user_id FROM carts WHERE coupon_code = :code AND user_id IS NOT NULL")
                .param("code", code)
                .query(UUID.class)
                .list();
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

    /** The cart an addition went to, and its line as it now is (empty: the line would exceed its maximum). */
    record AddedUnits(UUID cartId, String couponCode, OffsetDateTime cartUpdatedAt, Optional<CartRows.Line> line) {}
}
