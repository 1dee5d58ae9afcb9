package dev.bazaar.order;

import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A signed-in shopper's orders, as the storefront uses them: checkout with the same idempotency, stock holds and
 * payment as {@code POST /orders}, and the shopper's own orders only.
 */
public interface ShopperOrders {

    /**
     * Places an order from the shopper's cart. The same key with the same form answers the first outcome again
     * (a double-clicked or resubmitted form makes one order); the same key with another form is refused.
     */
    Outcome place(UUID userId, String idempotencyKey, OrderForm form);

    OrderPage page(UUID userId, int page, int limit);

    /** One of the shopper's orders with its timeline; 404 for anyone else's. */
    OrderDetails details(UUID userId, UUID orderId);

    /** Cancels one of the shopper's orders while it has not shipped (refunding what was charged). */
    OrderDetails cancel(UUID userId, UUID orderId);

    /**
     * Where to ship (an address, or the index of a saved one) and how to pay. {@code expectedTotal}: the total the
     * shopper saw and confirmed; when a price rose since it was added to the cart, the order is refused
     * ({@code PRICE_CHANGED}) unless this equals the total now.
     */
    record OrderForm(
            ShippingAddress shippingAddress,
            Integer savedAddressIndex,
            Payments.Method paymentMethod,
            String cardToken,
            String giftCardCode,
            BigDecimal expectedTotal) {}

    record ShippingAddress(
            String recipient,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    /** What checkout answered: an order (paid, or pending on an unanswered gateway), or why not. */
    sealed interface Outcome {}

    record Placed(UUID orderId, OrderStatus status, PaymentStatus paymentStatus) implements Outcome {}

    /** A rule of checkout refused the order, in the terms of a {@link dev.bazaar.platform.DomainException}. */
    record Refused(DomainException.Kind kind, String code, String message, List<ErrorDetail> details)
            implements Outcome {}

    /** The means of payment said no; the cart is kept. */
    record Declined(String code, String message) implements Outcome {}

    /** The payment service did not answer: the same Idempotency-Key may be tried again, nothing is charged twice. */
    record PaymentUnavailable(String code, String message) implements Outcome {}
}
