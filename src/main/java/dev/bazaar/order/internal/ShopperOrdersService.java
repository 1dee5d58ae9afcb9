package dev.bazaar.order.internal;

import dev.bazaar.order.OrderViews.OrderDetails;
import dev.bazaar.order.OrderViews.OrderPage;
import dev.bazaar.order.ShopperOrders;
import dev.bazaar.platform.web.ErrorDetail;
import dev.bazaar.platform.web.RequestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link ShopperOrders} over {@link Checkout}, {@link OrderQueries} and {@link OrderLifecycle}. Checkout stores
 * each key's answer as the API's JSON; this reads the order id or the error back out of it.
 */
@Service
class ShopperOrdersService implements ShopperOrders {

    private final Checkout checkout;
    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;
    private final RequestValidator requests;
    private final ObjectMapper json;

    ShopperOrdersService(
            Checkout checkout,
            OrderQueries queries,
            OrderLifecycle lifecycle,
            RequestValidator requests,
            ObjectMapper json) {
        this.checkout = checkout;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.requests = requests;
        this.json = json;
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
            return new Refused(400, "VALIDATION_FAILED", "Some fields are not valid", problems);
        }
        Checkout.Response response = checkout.place(userId, idempotencyKey, request);
        JsonNode body = json.readTree(response.body());
        if (response.status() < 300) {
            JsonNode order = body.path("data");
            return new Placed(
                    UUID.fromString(order.path("id").asString()),
                    order.path("status").asString(),
                    order.path("paymentStatus").asString());
        }
        JsonNode error = body.path("error");
        List<ErrorDetail> details = new ArrayList<>();
        error.path("details")
                .forEach(detail -> details.add(new ErrorDetail(
                        detail.path("field").asString(), detail.path("message").asString())));
        return new Refused(
                response.status(),
                error.path("code").asString(),
                error.path("message").asString(),
                details);
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
