package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.order.OrderPaid;
import dev.bazaar.order.OrderPlaced;
import dev.bazaar.order.OrderStatus;
import dev.bazaar.order.OrderStatusChanged;
import dev.bazaar.payment.Payments;
import dev.bazaar.platform.notification.NotificationLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * What a checkout leaves behind besides its answer: the events other modules act on ({@link OrderPlaced} with the
 * lines at their prices, {@link OrderPaid} only when money was taken, {@link OrderStatusChanged} on every later
 * move), the confirmation sent to the shopper, the notes of the order's timeline, and the stored answer replayed
 * for the same key. {@link Checkout} and {@link OrderLifecycle} are called directly, on the test's thread, so the
 * events they publish are recorded; the cart is filled over HTTP as a shopper would.
 */
@RecordApplicationEvents
class CheckoutRecordsTest extends DirectCheckoutTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    NotificationLog notifications;

    @Autowired
    Payments payments;

    @Autowired
    ApplicationEvents events;

    @Test
    void aPaidCardOrderPublishesPlacedAndPaidAndConfirmsToTheShopper() {
        String product = newProduct(admin, category, "Record Lamp", "12.50", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 2);
        String key = UUID.randomUUID().toString();

        RenderedCheckout.Answer response = checkout.place(shopper.id(), key, request(Payments.Method.CARD, "tok_visa"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode order = json.readTree(response.body()).path("data");
        UUID orderId = UUID.fromString(order.path("id").asString());
        assertThat(order.path("status").asString()).isEqualTo("confirmed");
        assertThat(order.path("paymentStatus").asString()).isEqualTo("paid");
        BigDecimal total = order.path("total").decimalValue();
        assertThat(total).isEqualByComparingTo("29.99"); // 25.00 and 4.99 shipping

        OrderPlaced placed = events.stream(OrderPlaced.class).collect(single());
        assertThat(placed.orderId()).isEqualTo(orderId);
        assertThat(placed.userId()).isEqualTo(shopper.id());
        assertThat(placed.lines())
                .containsExactly(new OrderPlaced.Line(UUID.fromString(product), 2, new BigDecimal("12.50")));
        assertThat(placed.total()).isEqualTo(dev.bazaar.platform.Money.of(total, "USD"));
        assertThat(placed.currency()).isEqualTo("USD");
        assertThat(placed.paymentMethod()).isEqualTo("CARD");
        OrderPaid paid = events.stream(OrderPaid.class).collect(single());
        assertThat(paid.orderId()).isEqualTo(orderId);
        assertThat(paid.userId()).isEqualTo(shopper.id());
        assertThat(paid.productIds()).containsExactly(UUID.fromString(product));

        NotificationLog.SentNotification confirmation = confirmationTo(shopper);
        assertThat(confirmation.subject()).isEqualTo("Your Bazaar order " + orderId);
        assertThat(confirmation.body()).contains("Hello Test Customer").contains("29.99 USD");
        assertThat(timeline(orderId)).containsExactly("pending Order placed", "confirmed Payment received");
        assertThat(payments.netCharged(orderId)).isEqualByComparingTo(total);

        // the same key and body: the same answer, and nothing happens twice
        RenderedCheckout.Answer again = checkout.place(shopper.id(), key, request(Payments.Method.CARD, "tok_visa"));
        assertThat(again).isEqualTo(response);
        assertThat(events.stream(OrderPlaced.class)).hasSize(1);
        assertThat(payments.netCharged(orderId)).isEqualByComparingTo(total);
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).data().path("items"))
                .isEmpty();

        // the same key with another body is refused
        RenderedCheckout.Answer reused =
                checkout.place(shopper.id(), key, request(Payments.Method.CASH_ON_DELIVERY, null));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(code(reused)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void cashOnDeliveryIsPlacedButNotPaidUntilDelivered() {
        String product = newProduct(admin, category, "Record Jug", "60.00", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);

        RenderedCheckout.Answer response = checkout.place(
                shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CASH_ON_DELIVERY, null));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        UUID orderId = UUID.fromString(
                json.readTree(response.body()).path("data").path("id").asString());
        assertThat(events.stream(OrderPlaced.class)).hasSize(1);
        assertThat(events.stream(OrderPaid.class)).isEmpty();
        assertThat(timeline(orderId)).containsExactly("pending Order placed", "confirmed To be paid on delivery");
        assertThat(status(orderId)).isEqualTo("confirmed due");

        lifecycle.move(orderId, OrderStatus.SHIPPED, "TRK-1");
        lifecycle.move(orderId, OrderStatus.DELIVERED, null);

        assertThat(status(orderId)).isEqualTo("delivered paid");
        assertThat(timeline(orderId))
                .containsExactly(
                        "pending Order placed",
                        "confirmed To be paid on delivery",
                        "shipped Shipped, tracking number TRK-1",
                        "delivered null");
        assertThat(events.stream(OrderStatusChanged.class).map(e -> e.from() + "→" + e.to()))
                .containsExactly("confirmed→shipped", "shipped→delivered");
        assertThat(events.stream(OrderStatusChanged.class)).allSatisfy(e -> {
            assertThat(e.orderId()).isEqualTo(orderId);
            assertThat(e.userId()).isEqualTo(shopper.id());
        });
    }

    @Test
    void aDeclinedCardPublishesNothingAndNotesTheReason() {
        String product = newProduct(admin, category, "Record Cup", "5.00", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 3);

        RenderedCheckout.Answer response = checkout.place(
                shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CARD, "tok_insufficient_funds"));

        assertThat(response.status()).isEqualTo(402);
        assertThat(code(response)).isEqualTo("PAYMENT_DECLINED");
        assertThat(json.readTree(response.body()).path("error").path("message").asString())
                .isEqualTo("The payment was declined: insufficient_funds");
        assertThat(events.stream(OrderPlaced.class)).isEmpty();
        assertThat(events.stream(OrderPaid.class)).isEmpty();
        UUID orderId = onlyOrderOf(shopper);
        assertThat(status(orderId)).isEqualTo("cancelled failed");
        assertThat(timeline(orderId))
                .containsExactly("pending Order placed", "cancelled Payment declined: insufficient_funds");
        assertThat(available(product)).isEqualTo(10);
        // the cart stays
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).data().path("items"))
                .hasSize(1);
    }

    @Test
    void aDeclinedCardGivesTheCouponBackForTheNextTry() {
        String product = newProduct(admin, category, "Record Lamp", "20.00", 10);
        String code = ("R" + UUID.randomUUID().toString().substring(0, 12)).toUpperCase(java.util.Locale.ROOT);
        var saved = api.put(
                "/api/v1/admin/coupons/" + code, Map.of("amountOff", 5, "maxRedemptions", 1), admin.accessToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);
        var applied = api.post("/api/v1/cart/coupon", Map.of("code", code), shopper.accessToken());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);

        RenderedCheckout.Answer declined = checkout.place(
                shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CARD, "tok_declined"));
        assertThat(declined.status()).isEqualTo(402);

        // the coupon's only redemption was given back: the same cart, paid by a good card, still gets it
        RenderedCheckout.Answer paid =
                checkout.place(shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CARD, "tok_visa"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(json.readTree(paid.body()).path("data").path("discount").decimalValue())
                .isEqualByComparingTo("5.00");
    }

    @Test
    void cancellingAPaidOrderRefundsItInFullAndTellsWhoCancelled() {
        String product = newProduct(admin, category, "Record Bowl", "30.00", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 2);
        RenderedCheckout.Answer placed =
                checkout.place(shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CARD, "tok_visa"));
        UUID orderId = UUID.fromString(
                json.readTree(placed.body()).path("data").path("id").asString());
        assertThat(available(product)).isEqualTo(8);
        events.clear();

        lifecycle.cancelByCustomer(shopper.id(), orderId);

        assertThat(status(orderId)).isEqualTo("cancelled refunded");
        assertThat(payments.netCharged(orderId)).isEqualByComparingTo("0");
        assertThat(available(product)).isEqualTo(10);
        assertThat(timeline(orderId)).last().isEqualTo("cancelled Cancelled by the customer");
        OrderStatusChanged changed = events.stream(OrderStatusChanged.class).collect(single());
        assertThat(changed.from()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(changed.to()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(changed.userId()).isEqualTo(shopper.id());
        assertThat(refundRows(orderId))
                .containsExactly("60.00 cancel:" + orderId + ":refund Cancelled by the customer");
    }

    @Test
    void theStoreCancelsAConfirmedCashOrderWithoutMovingMoneyAndAnotherShopperCannotCancelIt() {
        String product = newProduct(admin, category, "Record Plate", "8.00", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);
        RenderedCheckout.Answer placed = checkout.place(
                shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CASH_ON_DELIVERY, null));
        UUID orderId = UUID.fromString(
                json.readTree(placed.body()).path("data").path("id").asString());

        SignedInUser stranger = registerCustomer();
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), stranger.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(status(orderId)).isEqualTo("confirmed due");

        lifecycle.move(orderId, OrderStatus.CANCELLED, null);

        assertThat(status(orderId)).isEqualTo("cancelled void");
        assertThat(timeline(orderId)).last().isEqualTo("cancelled Cancelled by the store");
        assertThat(refundRows(orderId)).isEmpty();
        assertThat(available(product)).isEqualTo(10);
    }

    @Test
    void shippingNeedsATrackingNumber() {
        String product = newProduct(admin, category, "Record Vase", "8.00", 10);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);
        RenderedCheckout.Answer placed = checkout.place(
                shopper.id(), UUID.randomUUID().toString(), request(Payments.Method.CASH_ON_DELIVERY, null));
        UUID orderId = UUID.fromString(
                json.readTree(placed.body()).path("data").path("id").asString());

        for (String blank : new String[] {null, "", "  "}) {
            dev.bazaar.platform.DomainException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    dev.bazaar.platform.DomainException.class,
                    () -> lifecycle.move(orderId, OrderStatus.SHIPPED, blank));
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(status(orderId)).isEqualTo("confirmed due");
    }

    private NotificationLog.SentNotification confirmationTo(SignedInUser shopper) {
        return notifications.recent("order_confirmation", 500).stream()
                .filter(sent -> shopper.id().equals(sent.recipientUserId()))
                .collect(single());
    }

    private List<String> timeline(UUID orderId) {
        return jdbc.sql("SELECT status, note FROM order_status_history WHERE order_id = :id ORDER BY created_at, id")
                .param("id", orderId)
                .query((rs, row) -> rs.getString("status") + " " + rs.getString("note"))
                .list();
    }

    private List<String> refundRows(UUID orderId) {
        return jdbc.sql("SELECT amount, idempotency_key, reason FROM payments WHERE order_id = :id "
                        + "AND operation = 'refund' AND status = 'succeeded'")
                .param("id", orderId)
                .query((rs, row) -> rs.getBigDecimal("amount") + " " + rs.getString("idempotency_key") + " "
                        + rs.getString("reason"))
                .list();
    }

    private static <T> java.util.stream.Collector<T, ?, T> single() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.getFirst();
        });
    }
}
