package dev.bazaar.order.internal;

import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.Item;
import dev.bazaar.order.OrderViews.OrderSummary;
import dev.bazaar.order.OrderViews.TimelineEntry;
import dev.bazaar.order.PaymentStatus;
import dev.bazaar.platform.Money;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code orders}, {@code order_items} and {@code order_status_history} tables. */
@Repository
class OrderStore {

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(NewOrder order) {
        UUID id = jdbc.sql(
                        "INSERT INTO orders (user_id, total_amount, currency, status, shipping_address, payment_method, "
                                + "payment_status, subtotal, discount, shipping) VALUES (:userId, :total, :currency, 'pending', "
                                + "CAST(:address AS jsonb), :method, 'pending', :subtotal, :discount, :shipping) RETURNING id")
                .param("userId", order.userId())
                .param("total", order.total().amount())
                .param("currency", order.total().currency())
                .param("address", order.shippingAddressJson())
                .param("method", order.paymentMethod())
                .param("subtotal", order.subtotal().amount())
                .param("discount", order.discount().amount())
                .param("shipping", order.shipping().amount())
                .query(UUID.class)
                .single();
        for (Item item : order.items()) {
            jdbc.sql("INSERT INTO order_items (order_id, product_id, quantity, price, title) "
                            + "VALUES (:orderId, :productId, :quantity, :price, :title)")
                    .param("orderId", id)
                    .param("productId", item.productId())
                    .param("quantity", item.quantity())
                    .param("price", item.price().amount())
                    .param("title", item.title())
                    .update();
        }
        addHistory(id, OrderStatus.PENDING, "Order placed");
        return id;
    }

    void addHistory(UUID orderId, OrderStatus status, String note) {
        jdbc.sql("INSERT INTO order_status_history (order_id, status, note) VALUES (:orderId, :status, :note)")
                .param("orderId", orderId)
                .param("status", status.value())
                .param("note", note)
                .update();
    }

    /** The order's status and payment state, locked for the rest of the transaction. */
    Optional<OrderState> lock(UUID orderId) {
        return jdbc.sql(
                        "SELECT id, user_id, status, payment_status, payment_method FROM orders WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query((rs, row) -> new OrderState(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        OrderStatus.fromColumn(rs.getString("status")),
                        PaymentStatus.fromColumn(rs.getString("payment_status")),
                        rs.getString("payment_method")))
                .optional();
    }

    /**
     * Moves the locked order {@code from} its state to {@code status} and {@code paymentStatus}; either may stay as it
     * is. Every write of the two columns comes here, so none can skip the transition rules of {@link OrderStatus}
     * and {@link PaymentStatus}.
     */
    void update(
            OrderState from,
            OrderStatus status,
            PaymentStatus paymentStatus,
            String paymentReference,
            String trackingNumber) {
        if (status != from.status()) {
            status.requireReachableFrom(from.status());
        }
        if (paymentStatus != from.paymentStatus()) {
            paymentStatus.requireReachableFrom(from.paymentStatus());
        }
        jdbc.sql("UPDATE orders SET status = :status, payment_status = :paymentStatus, "
                        + "payment_reference = COALESCE(:reference, payment_reference), "
                        + "tracking_number = COALESCE(:tracking, tracking_number), updated_at = now() WHERE id = :id")
                .param("id", from.id())
                .param("status", status.value())
                .param("paymentStatus", paymentStatus.value())
                .param("reference", paymentReference)
                .param("tracking", trackingNumber)
                .update();
    }

    Optional<OrderRow> find(UUID orderId) {
        return jdbc.sql("SELECT id, user_id, status, payment_status, payment_method, subtotal, discount, shipping, "
                        + "total_amount, currency, shipping_address::text AS address, tracking_number, created_at, updated_at "
                        + "FROM orders WHERE id = :id")
                .param("id", orderId)
                .query((rs, row) -> new OrderRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        OrderStatus.fromColumn(rs.getString("status")),
                        PaymentStatus.fromColumn(rs.getString("payment_status")),
                        rs.getString("payment_method"),
                        Money.of(rs.getBigDecimal("subtotal"), rs.getString("currency")),
                        Money.of(rs.getBigDecimal("discount"), rs.getString("currency")),
                        Money.of(rs.getBigDecimal("shipping"), rs.getString("currency")),
                        Money.of(rs.getBigDecimal("total_amount"), rs.getString("currency")),
                        rs.getString("address"),
                        rs.getString("tracking_number"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** The order's lines, their amounts in the order's {@code currency}. */
    List<Item> items(UUID orderId, String currency) {
        return jdbc.sql(
                        "SELECT product_id, title, quantity, price FROM order_items WHERE order_id = :id ORDER BY created_at, id")
                .param("id", orderId)
                .query((rs, row) -> new Item(
                        rs.getObject("product_id", UUID.class),
                        rs.getString("title"),
                        rs.getInt("quantity"),
                        Money.of(rs.getBigDecimal("price"), currency),
                        Money.of(rs.getBigDecimal("price"), currency).times(rs.getInt("quantity"))))
                .list();
    }

    List<TimelineEntry> timeline(UUID orderId) {
        return jdbc.sql(
                        "SELECT status, note, created_at FROM order_status_history WHERE order_id = :id ORDER BY created_at, id")
                .param("id", orderId)
                .query((rs, row) -> new TimelineEntry(
                        rs.getString("status"), rs.getString("note"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** A page of orders, newest first, of one user or (userId null) everyone, optionally of one status. */
    List<OrderSummary> page(UUID userId, OrderStatus status, long offset, int limit) {
        return jdbc.sql("SELECT o.id, o.status, o.payment_status, o.total_amount, o.currency, o.created_at, "
                        + "(SELECT COALESCE(sum(quantity), 0) FROM order_items i WHERE i.order_id = o.id) AS items "
                        + "FROM orders o WHERE (CAST(:userId AS uuid) IS NULL OR o.user_id = :userId) "
                        + "AND (CAST(:status AS varchar) IS NULL OR o.status = :status) "
                        + "ORDER BY o.created_at DESC, o.id LIMIT :limit OFFSET :offset")
                .param("userId", userId)
                .param("status", status == null ? null : status.value())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new OrderSummary(
                        rs.getObject("id", UUID.class),
                        OrderStatus.fromColumn(rs.getString("status")),
                        PaymentStatus.fromColumn(rs.getString("payment_status")),
                        Money.of(rs.getBigDecimal("total_amount"), rs.getString("currency")),
                        rs.getInt("items"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    long count(UUID userId, OrderStatus status) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE (CAST(:userId AS uuid) IS NULL OR user_id = :userId) "
                        + "AND (CAST(:status AS varchar) IS NULL OR status = :status)")
                .param("userId", userId)
                .param("status", status == null ? null : status.value())
                .query(Long.class)
                .single();
    }

    /**
     * Another order of this user, created since {@code since} (the cart's last change) from a request with
     * another key that has not been answered yet and still pending: the same cart being checked out already.
     */
    Optional<UUID> unansweredPendingOrder(UUID userId, String key, java.time.Instant since) {
        return jdbc.sql(
                        "SELECT o.id FROM orders o JOIN order_requests r ON r.order_id = o.id AND r.user_id = o.user_id "
                                + "WHERE o.user_id = :userId AND o.status = 'pending' AND r.outcome IS NULL "
                                + "AND r.idempotency_key <> :key AND o.created_at >= :since ORDER BY o.created_at LIMIT 1")
                .param("userId", userId)
                .param("key", key)
                .param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC))
                .query(UUID.class)
                .optional();
    }

    /**
     * Pending orders created more than {@code grace} ago whose checkout is not in flight (no request holds a live
     * lease on them), oldest first: checkouts that may have been interrupted after the charge.
     */
    List<UUID> idlePendingOrders(java.time.Duration grace, int limit) {
        return jdbc.sql("SELECT o.id FROM orders o WHERE o.status = 'pending' "
                        + "AND o.created_at < now() - make_interval(secs => :grace) "
                        + "AND NOT EXISTS (SELECT 1 FROM order_requests r WHERE r.order_id = o.id "
                        + "AND r.locked_until > now()) ORDER BY o.created_at LIMIT :limit")
                .param("grace", grace.toMillis() / 1000.0)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The user's pending (unpaid) orders and the units they hold. */
    Holds pendingHolds(UUID userId) {
        return jdbc.sql("SELECT count(DISTINCT o.id) AS orders, COALESCE(sum(i.quantity), 0) AS units FROM orders o "
                        + "JOIN order_items i ON i.order_id = o.id WHERE o.user_id = :userId AND o.status = 'pending'")
                .param("userId", userId)
                .query((rs, row) -> new Holds(rs.getInt("orders"), rs.getInt("units")))
                .single();
    }

    record Holds(int orders, int units) {}

    /** An order's amounts, all in the currency of its cart. */
    record NewOrder(
            UUID userId,
            List<Item> items,
            Money subtotal,
            Money discount,
            Money shipping,
            Money total,
            String shippingAddressJson,
            String paymentMethod) {}

    record OrderState(UUID id, UUID userId, OrderStatus status, PaymentStatus paymentStatus, String paymentMethod) {}

    record OrderRow(
            UUID id,
            UUID userId,
            OrderStatus status,
            PaymentStatus paymentStatus,
            String paymentMethod,
            Money subtotal,
            Money discount,
            Money shipping,
            Money total,
            String shippingAddressJson,
            String trackingNumber,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}
}
