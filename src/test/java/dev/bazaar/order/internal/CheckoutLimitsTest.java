package dev.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.payment.Payments;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The checkout's limits at their exact edges (an order at a limit is placed; one past it is refused, as
 * {@code MoneyAndStockTest} shows), and the details of its refusals: which field, which numbers, and whether the
 * key can be used again. {@link Checkout} is called directly; the shopper's unpaid orders are written as a
 * gateway that never answered leaves them.
 */
class CheckoutLimitsTest extends DirectCheckoutTest {

    @Test
    void unpaidOrdersMayHoldExactlyTheMostUnitsAllowed() {
        String product = newProduct(admin, category, "Limit Kettle", "1.00", 500);
        SignedInUser shopper = registerCustomer();
        pendingOrder(shopper, product, 60);
        pendingOrder(shopper, product, 41);
        store.addToCart(shopper, product, 99); // 101 held + 99 = 200, the limit

        RenderedCheckout.Answer placed = checkout.place(shopper.id(), key(), card("tok_visa"));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    @Test
    void oneUnitPastTheHeldUnitsLimitIsRefusedWithTheNumbers() {
        String product = newProduct(admin, category, "Limit Toaster", "1.00", 500);
        SignedInUser shopper = registerCustomer();
        pendingOrder(shopper, product, 102);
        store.addToCart(shopper, product, 99); // 102 + 99 = 201
        String key = key();

        RenderedCheckout.Answer refused = checkout.place(shopper.id(), key, card("tok_visa"));

        assertThat(refused.status()).isEqualTo(409);
        JsonNode error = error(refused);
        assertThat(error.path("code").asString()).isEqualTo("HELD_UNITS_LIMIT");
        assertThat(error.path("message").asString())
                .isEqualTo(
                        "Unpaid orders may hold at most 200 units per shopper; yours hold 102 and this order needs 99");
        assertThat(error.path("details").get(0).path("field").asString()).isEqualTo("heldUnits");
        assertThat(error.path("details").get(0).path("message").asString()).isEqualTo("102");
        // nothing was created: the key is free once the shopper has paid or cancelled the unpaid order
        assertThat(orders(shopper)).isZero();
        jdbc.sql("UPDATE orders SET status = 'cancelled' WHERE user_id = :user")
                .param("user", shopper.id())
                .update();
        assertThat(checkout.place(shopper.id(), key, card("tok_visa")).status()).isEqualTo(201);
    }

    @Test
    void twoUnpaidOrdersLeaveRoomForAThirdAndThreeDoNot() {
        String product = newProduct(admin, category, "Limit Pan", "5.00", 50);
        SignedInUser shopper = registerCustomer();
        pendingOrder(shopper, product, 1);
        pendingOrder(shopper, product, 1);
        store.addToCart(shopper, product, 1);

        assertThat(checkout.place(shopper.id(), key(), card("tok_visa")).status())
                .isEqualTo(201);

        pendingOrder(shopper, product, 1);
        store.addToCart(shopper, product, 1);
        RenderedCheckout.Answer refused = checkout.place(shopper.id(), key(), card("tok_visa"));
        assertThat(refused.status()).isEqualTo(409);
        JsonNode error = error(refused);
        assertThat(error.path("code").asString()).isEqualTo("PENDING_ORDER_LIMIT");
        assertThat(error.path("message").asString())
                .isEqualTo("You have 3 unpaid orders holding stock (at most 3); pay or cancel one first");
        assertThat(error.path("details").get(0).path("message").asString()).isEqualTo("3");
    }

    @Test
    void anOrderOfExactlyTheLargestTotalIsPlaced() {
        String product = newProduct(admin, category, "Limit Statue", "99999999.99", 2);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);

        RenderedCheckout.Answer placed = checkout.place(shopper.id(), key(), card("tok_visa"));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(json.readTree(placed.body()).path("data").path("total").decimalValue())
                .isEqualByComparingTo("99999999.99");
    }

    @Test
    void aTooLargeOrderNamesTheLimitAndTheSubtotal() {
        String product = newProduct(admin, category, "Limit Obelisk", "60000000.00", 2);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 2);

        RenderedCheckout.Answer refused = checkout.place(shopper.id(), key(), card("tok_visa"));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = error(refused);
        assertThat(error.path("code").asString()).isEqualTo("ORDER_TOO_LARGE");
        assertThat(error.path("message").asString()).isEqualTo("An order may total at most 99999999.99 USD");
        assertThat(error.path("details").get(0).path("message").asString()).isEqualTo("120000000.00");
        assertThat(orders(shopper)).isZero();
    }

    @Test
    void anEmptyCartIsRefusedAndThatAnswerIsKeptForTheKey() {
        SignedInUser shopper = registerCustomer();
        String key = key();

        RenderedCheckout.Answer empty = checkout.place(shopper.id(), key, card("tok_visa"));

        assertThat(empty.status()).isEqualTo(422);
        assertThat(error(empty).path("code").asString()).isEqualTo("EMPTY_CART");
        // a final answer: the same key replays it, even once the cart is filled
        String product = newProduct(admin, category, "Limit Cup", "5.00", 5);
        store.addToCart(shopper, product, 1);
        assertThat(checkout.place(shopper.id(), key, card("tok_visa"))).isEqualTo(empty);
        assertThat(orders(shopper)).isZero();
    }

    @Test
    void aSavedAddressIndexMustNameASavedAddress() {
        SignedInUser shopper = registerCustomer();
        String product = newProduct(admin, category, "Limit Mug", "5.00", 5);
        store.addToCart(shopper, product, 1);

        RenderedCheckout.Answer refused = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(null, 0, Payments.Method.CARD, "tok_visa", null, null, null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(error(refused).path("details").get(0).path("field").asString())
                .isEqualTo("savedAddressIndex");
        RenderedCheckout.Answer both = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(address(), 0, Payments.Method.CARD, "tok_visa", null, null, null));
        assertThat(both.status()).isEqualTo(400);
        assertThat(error(both).path("details").get(0).path("field").asString()).isEqualTo("shippingAddress");
        assertThat(orders(shopper)).isZero();
    }

    @Test
    void aBlankGiftCardCodeIsNamedAsTheMissingField() {
        SignedInUser shopper = registerCustomer();

        RenderedCheckout.Answer refused = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(address(), null, Payments.Method.GIFT_CARD, null, " ", null, null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(error(refused).path("details").get(0).path("field").asString())
                .isEqualTo("giftCardCode");
        RenderedCheckout.Answer card = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(address(), null, Payments.Method.CARD, "", "GIFT-1", null, null));
        assertThat(error(card).path("details").get(0).path("field").asString()).isEqualTo("cardToken");
    }

    @Test
    void aContradictedExpectedTotalIsRefusedEvenWithoutAPriceChange() {
        String product = newProduct(admin, category, "Limit Bowl", "10.00", 5);
        SignedInUser shopper = registerCustomer();
        store.addToCart(shopper, product, 1);

        RenderedCheckout.Answer refused = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(
                        address(), null, Payments.Method.CARD, "tok_visa", null, new BigDecimal("14.98"), null));

        assertThat(refused.status()).isEqualTo(409);
        JsonNode error = error(refused);
        assertThat(error.path("code").asString()).isEqualTo("PRICE_CHANGED");
        assertThat(error.path("details")).hasSize(1);
        assertThat(error.path("details").get(0).path("message").asString()).isEqualTo("now 14.99 USD");

        RenderedCheckout.Answer confirmed = checkout.place(
                shopper.id(),
                key(),
                new PlaceOrderRequest(
                        address(), null, Payments.Method.CARD, "tok_visa", null, new BigDecimal("14.990"), null));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    }

    private void pendingOrder(SignedInUser shopper, String product, int quantity) {
        UUID order = jdbc.sql("INSERT INTO orders (user_id, total_amount, currency, status, shipping_address, "
                        + "payment_method) VALUES (:user, 1.00, 'USD', 'pending', '{}'::jsonb, 'CARD') RETURNING id")
                .param("user", shopper.id())
                .query(UUID.class)
                .single();
        jdbc.sql("INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (:order, :product, :q, 1.00)")
                .param("order", order)
                .param("product", UUID.fromString(product))
                .param("q", quantity)
                .update();
    }

    /** The shopper's orders placed through checkout (not the unpaid ones written here), not cancelled. */
    private long orders(SignedInUser shopper) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user AND status <> 'cancelled' "
                        + "AND shipping_address <> '{}'::jsonb")
                .param("user", shopper.id())
                .query(Long.class)
                .single();
    }

    private JsonNode error(RenderedCheckout.Answer response) {
        return json.readTree(response.body()).path("error");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
