package dev.bazaar.order.internal;

import dev.bazaar.order.OrderAdministration;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.Money;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link OrderAdministration} over {@link OrderQueries} and {@link OrderLifecycle}, as the admin endpoints. */
@Service
class OrderAdministrationService implements OrderAdministration {

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;
    private final JdbcClient jdbc;

    OrderAdministrationService(OrderQueries queries, OrderLifecycle lifecycle, JdbcClient jdbc) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    @Override
    public OrderPage orders(String status, int page, int limit) {
        OrderStatus wanted = status == null || status.isBlank()
                ? null
                : OrderStatus.ofValue(status)
                        .orElseThrow(() -> DomainException.invalidField(
                                "status",
                                "must be one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(OrderStatus.values())
                                                        .map(OrderStatus::value)
                                                        .sorted()
                                                        .toList())));
        return queries.page(null, wanted, Math.max(1, Math.min(page, 10_000)), Math.max(1, Math.min(limit, 100)));
    }

    @Override
    public OrderDetails details(UUID orderId) {
        return queries.details(orderId);
    }

    @Override
    public OrderDetails changeStatus(UUID orderId, String status, String trackingNumber) {
        OrderStatus next = OrderStatus.ofValue(status)
                .orElseThrow(() -> DomainException.invalidField("status", "not a known status"));
        String tracking = trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber.strip();
        if (tracking != null && tracking.length() > 100) {
            throw DomainException.invalidField("trackingNumber", "size must be between 0 and 100");
        }
        return lifecycle.move(orderId, next, tracking);
    }

    @Override
    public OrderDetails cancel(UUID orderId) {
        return lifecycle.cancel(orderId, "Cancelled by the store");
    }

    @Override
    public Sales salesToday() {
        List<Money> revenue = jdbc.sql("SELECT currency, sum(total_amount) AS amount FROM orders "
                        + "WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' "
                        + "AND status <> 'cancelled' GROUP BY currency ORDER BY currency")
                .query((rs, row) -> Money.of(rs.getBigDecimal("amount"), rs.getString("currency")))
                .list();
        long count = jdbc.sql("SELECT count(*) FROM orders "
                        + "WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' "
                        + "AND status <> 'cancelled'")
                .query(Long.class)
                .single();
        return new Sales(count, revenue);
    }
}
