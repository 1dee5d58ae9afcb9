package dev.bazaar.order;

import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.platform.Money;
import java.util.List;
import java.util.UUID;

/**
 * Every order, as staff fulfil them in the admin console: the same queries and lifecycle as
 * {@code /api/v1/admin/orders} (pending → confirmed → shipped with a tracking number → delivered, or cancelled
 * with a full refund before it ships; any other move is a 409). For admins only: the caller checks the role.
 */
public interface OrderAdministration {

    /** {@code status}: null for all, or pending, confirmed, shipped, delivered, cancelled (else 400). */
    OrderPage orders(String status, int page, int limit);

    OrderDetails details(UUID orderId);

    /** Moves the order to {@code status}; shipping needs a tracking number (at most 100 characters). */
    OrderDetails changeStatus(UUID orderId, String status, String trackingNumber);

    /** Cancels the order, refunding what was charged and putting its units back. */
    OrderDetails cancel(UUID orderId);

    /** Orders placed since midnight (UTC) that are not cancelled, and their totals per currency. */
    Sales salesToday();

    /** Orders placed, and their revenue: one amount per currency. */
    record Sales(long orders, List<Money> revenue) {}
}
