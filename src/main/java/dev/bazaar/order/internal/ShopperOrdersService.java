package dev.bazaar.order.internal;

import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.order.ShopperOrders;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.web.ErrorDetail;
import dev.bazaar.platform.web.RequestValidator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@link ShopperOrders} over {@link Checkout}, {@link OrderQueries} and {@link OrderLifecycle}. A checkout's
 * {@link CheckoutOutcome} becomes the storefront's {@link Placed} or {@link Refused}, with the status and code the
 * API answers for it.
 */
@Service
class ShopperOrdersService implements ShopperOrders {

    private final Checkout checkout;
    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;
    private final RequestValidator requests;

    ShopperOrdersService(Checkout checkout, OrderQueries queries, OrderLifecycle lifecycle, RequestValidator requests) {
        this.checkout = checkout;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.requests = requests;
    }

    @Override
    public Outcome place(UUID userId, String idempotencyKey, OrderForm form) {
        ShippingAddress address = form.shippingAddress();
        PlaceOrderRequest request = new PlaceOrderRequest(
                address == null
                        ? null
                        : new PlaceOrderRequest.ShippingAddress(
                                address.recipient(),
                                address.line1(),
                                blankToNull(address.line2()),
                                address.city(),
                                blankToNull(address.region()),
                                address.postalCode(),
                                address.country(),
                                blankToNull(address.phone())),
                form.savedAddressIndex(),
                form.paymentMethod(),
                blankToNull(form.cardToken()),
                blankToNull(form.giftCardCode()),
                form.expectedTotal(),
                null);
        List<ErrorDetail> problems = requests.problems(request);
        if (!problems.isEmpty()) {
            return new Refused(
                    DomainException.Kind.INVALID_REQUEST, "VALIDATION_FAILED", "Some fields are not valid", problems);
        }
        CheckoutOutcome outcome = checkout.place(userId, idempotencyKey, request);
        return switch (outcome) {
            case CheckoutOutcome.Placed placed ->
                new Placed(
                        placed.order().id(),
                        placed.order().status(),
                        placed.order().paymentStatus());
            case CheckoutOutcome.Declined declined ->
                new Declined(CheckoutAnswer.PAYMENT_DECLINED, CheckoutAnswer.declinedMessage(declined));
            case CheckoutOutcome.PaymentUnavailable unavailable ->
                new PaymentUnavailable(CheckoutAnswer.PAYMENT_UNAVAILABLE, CheckoutAnswer.UNAVAILABLE_MESSAGE);
            case CheckoutOutcome.Rejected rejected ->
                new Refused(rejected.kind(), rejected.code(), rejected.message(), rejected.details());
        };
    }

    @Override
    public OrderPage page(UUID userId, int page, int limit) {
        return queries.page(userId, null, page, limit);
    }

    @Override
    public OrderDetails details(UUID userId, UUID orderId) {
        return queries.detailsFor(userId, orderId);
    }

    @Override
    public OrderDetails cancel(UUID userId, UUID orderId) {
        return lifecycle.cancelByCustomer(userId, orderId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
