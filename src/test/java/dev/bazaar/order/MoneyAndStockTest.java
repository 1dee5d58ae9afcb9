package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.platform.security.Sha256;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, "money and stock": each test is one defect found by the abuse test, tried through HTTP as a client
 * would, against the real database, inventory and test card gateway.
 */
class MoneyAndStockTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Value("${bazaar.store.currency:USD}")
    String storeCurrency;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "money");
    }

    // 1. currencies

    @Test
    void aCartHoldsOneCurrencyAndAnotherIsRefusedAtAddTimeNamingTheCartsCurrency() {
        String yen = product("Yen Teacup", "1", 10, "JPY");
        String dollars = product("Dollar Mug", "100.00", 10, "USD");
        String pounds = product("Pound Jug", "12.75", 10, "GBP");
        SignedInUser shopper = registerCustomer();
        assertThat(add(shopper, yen, 1).status()).isEqualTo(201);

        for (String other : List.of(dollars, pounds)) {
            Api.Response refused = add(shopper, other, 1);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.error().path("code").asString()).isEqualTo("CURRENCY_MISMATCH");
            assertThat(refused.error().path("message").asString()).contains("JPY");
        }
        JsonNode cart = cart(shopper);
        assertThat(cart.path("currency").asString()).isEqualTo("JPY");
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aProductRepricedInAnotherCurrencyIsNeverSummedAndItsCartCannotBeOrdered() {
        String first = product("Euro Plate", "10.00", 10, "EUR");
        String second = product("Euro Bowl", "20.00", 10, "EUR");
        SignedInUser shopper = registerCustomer();
        add(shopper, first, 1);
        add(shopper, second, 1);
        assertThat(api.put("/api/v1/products/" + second, Map.of("currency", "CHF"), admin.accessToken())
                        .status())
                .isEqualTo(200);

        JsonNode cart = cart(shopper);
        assertThat(cart.path("currency").asString()).isEqualTo("EUR");
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode repriced = cart.path("items")
                .valueStream()
                .filter(item -> item.path("product").path("id").asString().equals(second))
                .findFirst()
                .orElseThrow();
        assertThat(repriced.path("currencyMismatch").asBoolean()).isTrue();

        Api.Response refused = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().path("code").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(refused.error().path("details").get(0).path("field").asString())
                .isEqualTo(second);
        assertThat(orderCount(shopper)).isZero();
    }

    @Test
    void aProductWithoutACurrencyGetsTheConfiguredStoreCurrencyAndMadeUpCodesAreRefused() {
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of("title", "Plain Cup", "price", new BigDecimal("3.00"), "category", category),
                admin.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().path("currency").asString()).isEqualTo(storeCurrency);

        Api.Response madeUp = api.post(
                "/api/v1/products",
                Map.of("title", "Odd Cup", "price", new BigDecimal("3.00"), "category", category, "currency", "XYZ"),
                admin.accessToken());
        assertThat(madeUp.status()).as(madeUp.toString()).isEqualTo(400);
        assertThat(madeUp.error().path("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    // 2. a double submission

    @Test
    void oneCartSubmittedTwiceAtOnceWithTwoKeysBecomesOneOrder() throws Exception {
        String product = product("Double Click Lamp", "30.00", 100, "USD");
        List<SignedInUser> shoppers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SignedInUser shopper = registerCustomer();
            assertThat(add(shopper, product, 2).status()).isEqualTo(201);
            shoppers.add(shopper);
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (SignedInUser shopper : shoppers) {
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Api.Response>> clicks = new ArrayList<>();
                for (int click = 0; click < 2; click++) {
                    clicks.add(() -> {
                        start.await();
                        return placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
                    });
                }
                List<Future<Api.Response>> futures = new ArrayList<>();
                clicks.forEach(click -> futures.add(threads.submit(click)));
                start.countDown();
                List<Api.Response> answers = new ArrayList<>();
                for (Future<Api.Response> future : futures) {
                    answers.add(future.get());
                }
                assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
                Api.Response second = answers.stream()
                        .filter(r -> r.status() != 201)
                        .findFirst()
                        .orElseThrow();
                assertThat(second.status()).as(second.toString()).isIn(409, 422);
                assertThat(second.error().path("code").asString()).isIn("CHECKOUT_IN_PROGRESS", "EMPTY_CART");
                assertThat(orderCount(shopper)).isEqualTo(1);
            }
        } finally {
            threads.shutdown();
        }
        assertThat(stock(product).path("onHand").asInt()).isEqualTo(100 - 2 * shoppers.size());
        assertThat(stock(product).path("reserved").asInt()).isZero();
    }

    // 3. blank payment details

    @Test
    void blankPaymentDetailsAreRefusedBeforeAnyOrderOrHold() {
        String product = product("Blank Token Vase", "15.00", 5, "USD");
        SignedInUser shopper = registerCustomer();
        add(shopper, product, 2);
        for (String blank : List.of("", "   ")) {
            Api.Response card = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder(blank));
            assertThat(card.status()).as(card.toString()).isEqualTo(400);
            assertThat(card.error().path("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(card.error().path("details").get(0).path("field").asString())
                    .isEqualTo("cardToken");

            Map<String, Object> giftCard = new HashMap<>(cardOrder(null));
            giftCard.put("paymentMethod", "GIFT_CARD");
            giftCard.put("giftCardCode", blank);
            Api.Response gift = placeOrder(shopper, UUID.randomUUID().toString(), giftCard);
            assertThat(gift.status()).as(gift.toString()).isEqualTo(400);
            assertThat(gift.error().path("details").get(0).path("field").asString())
                    .isEqualTo("giftCardCode");
        }
        assertThat(orderCount(shopper)).isZero();
        assertThat(stock(product).path("available").asInt()).isEqualTo(5);
        assertThat(placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"))
                        .status())
                .isEqualTo(201);
    }

    // 4. per-shopper hold limits

    @Test
    void unpaidOrdersOfOneShopperMayHoldAtMostTheConfiguredUnits() {
        String first = product("Hoarded Kettle", "1.00", 500, "USD");
        String second = product("Hoarded Toaster", "1.00", 500, "USD");
        SignedInUser shopper = registerCustomer();
        add(shopper, first, 99);
        Api.Response timedOut = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_timeout"));
        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(503);
        assertThat(stock(first).path("available").asInt()).isEqualTo(401);

        add(shopper, second, 99); // 99 held + 198 in this order > 200
        Api.Response refused = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().path("code").asString()).isEqualTo("HELD_UNITS_LIMIT");
        assertThat(orderCount(shopper)).isEqualTo(1);
        assertThat(stock(second).path("available").asInt()).isEqualTo(500);
    }

    @Test
    void oneShopperMayHaveAtMostTheConfiguredPendingOrders() {
        String product = product("Pending Pan", "5.00", 50, "USD");
        SignedInUser shopper = registerCustomer();
        for (int i = 0; i < 3; i++) {
            // unpaid orders as a gateway that never answered leaves them
            UUID order = jdbc.sql(
                            "INSERT INTO orders (user_id, total_amount, currency, status, shipping_address, "
                                    + "payment_method) VALUES (:user, 5.00, 'USD', 'pending', '{}'::jsonb, 'CARD') RETURNING id")
                    .param("user", shopper.id())
                    .query(UUID.class)
                    .single();
            jdbc.sql(
                            "INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (:order, :product, 1, 5.00)")
                    .param("order", order)
                    .param("product", UUID.fromString(product))
                    .update();
        }
        add(shopper, product, 1);
        Api.Response refused = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().path("code").asString()).isEqualTo("PENDING_ORDER_LIMIT");
        assertThat(stock(product).path("available").asInt()).isEqualTo(50);
    }

    // 5. prices raised between cart and checkout

    @Test
    void aPriceRaisedSinceAddingIsRefusedNamingTheLineUntilTheShopperConfirmsTheNewTotal() {
        String product = product("Repriced Scarf", "10.95", 5, "USD");
        SignedInUser shopper = registerCustomer();
        add(shopper, product, 1);
        assertThat(api.put("/api/v1/products/" + product, Map.of("price", new BigDecimal("99.00")), admin.accessToken())
                        .status())
                .isEqualTo(200);
        String key = UUID.randomUUID().toString();

        Api.Response refused = placeOrder(shopper, key, cardOrder("tok_visa"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().path("code").asString()).isEqualTo("PRICE_CHANGED");
        JsonNode line = refused.error().path("details").get(0);
        assertThat(line.path("field").asString()).isEqualTo(product);
        assertThat(line.path("message").asString()).contains("10.95").contains("99.00");
        assertThat(orderCount(shopper)).isZero();
        assertThat(stock(product).path("available").asInt()).isEqualTo(5);

        BigDecimal total = cart(shopper).path("total").decimalValue();
        Map<String, Object> wrongTotal = new HashMap<>(cardOrder("tok_visa"));
        wrongTotal.put("expectedTotal", new BigDecimal("10.95"));
        assertThat(placeOrder(shopper, key, wrongTotal).status()).isEqualTo(409);

        Map<String, Object> confirmed = new HashMap<>(cardOrder("tok_visa"));
        confirmed.put("expectedTotal", total);
        Api.Response placed = placeOrder(shopper, key, confirmed);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.data().path("total").decimalValue()).isEqualByComparingTo(total);
        assertThat(placed.data().path("items").get(0).path("price").decimalValue())
                .isEqualByComparingTo("99.00");
    }

    @Test
    void acceptPriceChangesAlsoConfirmsAndALoweredPriceNeedsNoConfirmation() {
        String raised = product("Raised Hat", "10.00", 5, "USD");
        String lowered = product("Lowered Hat", "20.00", 5, "USD");
        SignedInUser shopper = registerCustomer();
        add(shopper, lowered, 1);
        api.put("/api/v1/products/" + lowered, Map.of("price", new BigDecimal("15.00")), admin.accessToken());
        assertThat(placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"))
                        .status())
                .isEqualTo(201);

        add(shopper, raised, 1);
        api.put("/api/v1/products/" + raised, Map.of("price", new BigDecimal("12.00")), admin.accessToken());
        Map<String, Object> accepting = new HashMap<>(cardOrder("tok_visa"));
        accepting.put("acceptPriceChanges", true);
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), accepting);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    }

    // 6. amounts too large for an order

    @Test
    void twoUnitsAtTheLargestAllowedPriceAreRefusedCleanly() {
        String product = product("Priceless Statue", "99999999.99", 5, "USD");
        SignedInUser shopper = registerCustomer();
        assertThat(add(shopper, product, 2).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).status()).isEqualTo(200);

        Api.Response refused = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.error().path("code").asString()).isEqualTo("ORDER_TOO_LARGE");
        assertThat(orderCount(shopper)).isZero();
        assertThat(stock(product).path("available").asInt()).isEqualTo(5);
    }

    // 7. a cancelled order's key retried

    @Test
    void retryingTheKeyOfAnOrderCancelledMeanwhileAnswers409OrderCancelled() {
        String product = product("Cancelled Retry Rug", "40.00", 5, "USD");
        SignedInUser shopper = registerCustomer();
        add(shopper, product, 1);
        String key = UUID.randomUUID().toString();
        assertThat(placeOrder(shopper, key, cardOrder("tok_timeout")).status()).isEqualTo(503);
        String orderId = api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("orders")
                .get(0)
                .path("id")
                .asString();
        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), shopper.accessToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        for (int attempt = 0; attempt < 2; attempt++) {
            Api.Response retried = placeOrder(shopper, key, cardOrder("tok_timeout"));
            assertThat(retried.status()).as(retried.toString()).isEqualTo(409);
            assertThat(retried.error().path("code").asString()).isEqualTo("ORDER_CANCELLED");
            assertThat(retried.error().path("details").get(0).path("message").asString())
                    .isEqualTo(orderId);
        }
        assertThat(stock(product).path("available").asInt()).isEqualTo(5);
    }

    // 8. cart fixation

    @Test
    void aGuestTokenTheServerNeverIssuedGetsNoCartButAFreshToken() {
        String product = product("Fixation Spoon", "2.00", 10, "USD");
        String chosen = "attacker-chosen-token-aaaaaaaaaaaaaaaaaaaaa";
        assertThat(chosen).hasSize(43);

        Api.Response added = api.send(
                "POST",
                "/api/v1/cart/items",
                null,
                "application/json",
                Api.json(Map.of("productId", product, "quantity", 1)),
                Map.of("X-Cart-Token", chosen));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String issued = added.header("X-Cart-Token");
        assertThat(issued).isNotNull().isNotEqualTo(chosen);
        assertThat(jdbc.sql("SELECT count(*) FROM carts WHERE guest_token_hash = :hash")
                        .param("hash", Sha256.hex(chosen))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(guestCart(chosen).path("items")).isEmpty();
        assertThat(guestCart(issued).path("items")).hasSize(1);

        Api.Response coupon = api.send(
                "POST",
                "/api/v1/cart/coupon",
                null,
                "application/json",
                Api.json(Map.of("code", "ANYTHING")),
                Map.of("X-Cart-Token", "another-chosen-token-bbbbbbbbbbbbbbbbbbbbbb"));
        assertThat(coupon.status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM carts WHERE guest_token_hash = :hash")
                        .param("hash", Sha256.hex("another-chosen-token-bbbbbbbbbbbbbbbbbbbbbb"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    // 9. cart size and coupon limits

    @Test
    void aCartHoldsAtMostOneHundredLines() {
        SignedInUser shopper = registerCustomer();
        String firstProduct = null;
        for (int i = 0; i < 100; i++) {
            String product = product("Line " + i, "1.00", 5, "USD");
            firstProduct = firstProduct == null ? product : firstProduct;
            assertThat(add(shopper, product, 1).status()).isEqualTo(201);
        }
        String oneTooMany = product("Line 100", "1.00", 5, "USD");
        Api.Response refused = add(shopper, oneTooMany, 1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.error().path("code").asString()).isEqualTo("CART_FULL");
        assertThat(add(shopper, firstProduct, 1).status()).isEqualTo(201); // more of a line already there
        assertThat(cart(shopper).path("items")).hasSize(100);
    }

    @Test
    void aCouponLimitedToOneRedemptionIsRedeemedOnceUnderConcurrentCheckoutsAndGivenBackOnCancel() throws Exception {
        String product = product("Coupon Race Clock", "40.00", 50, "USD");
        String code = coupon(Map.of("percentOff", 10, "maxRedemptions", 1));
        List<SignedInUser> shoppers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SignedInUser shopper = registerCustomer();
            add(shopper, product, 1);
            Api.Response applied = api.post("/api/v1/cart/coupon", Map.of("code", code), shopper.accessToken());
            assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
            shoppers.add(shopper);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (SignedInUser shopper : shoppers) {
            futures.add(threads.submit(() -> {
                start.await();
                return placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
            }));
        }
        start.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            answers.add(future.get());
        }
        threads.shutdown();
        List<Api.Response> placed =
                answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(placed).hasSize(1);
        assertThat(placed.getFirst().data().path("discount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(answers).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.error().path("code").asString()).isEqualTo("COUPON_LIMIT_REACHED");
        });
        int winner = answers.indexOf(placed.getFirst());
        SignedInUser loser = shoppers.get(winner == 0 ? 1 : 0);
        Api.Response applyAgain = api.post("/api/v1/cart/coupon", Map.of("code", code), loser.accessToken());
        assertThat(applyAgain.status()).isEqualTo(422);
        assertThat(applyAgain.error().path("code").asString()).isEqualTo("COUPON_LIMIT_REACHED");

        String orderId = placed.getFirst().data().path("id").asString();
        assertThat(api.post(
                                "/api/v1/orders/" + orderId + "/cancel",
                                Map.of(),
                                shoppers.get(winner).accessToken())
                        .status())
                .isEqualTo(200);
        Api.Response afterCancel = placeOrder(loser, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(afterCancel.status()).as(afterCancel.toString()).isEqualTo(201);
        assertThat(afterCancel.data().path("discount").decimalValue()).isEqualByComparingTo("4.00");
    }

    @Test
    void couponsHaveAPerCustomerLimitAValidityWindowAndAMinimumBasket() {
        String product = product("Coupon Rules Tray", "30.00", 50, "USD");
        SignedInUser shopper = registerCustomer();

        String once = coupon(Map.of("amountOff", 5, "maxPerCustomer", 1));
        add(shopper, product, 1);
        api.post("/api/v1/cart/coupon", Map.of("code", once), shopper.accessToken());
        Api.Response first = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.data().path("discount").decimalValue()).isEqualByComparingTo("5.00");
        add(shopper, product, 1);
        Api.Response again = api.post("/api/v1/cart/coupon", Map.of("code", once), shopper.accessToken());
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.error().path("code").asString()).isEqualTo("COUPON_LIMIT_REACHED");

        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        String later = coupon(Map.of("percentOff", 10, "startsAt", tomorrow.toString()));
        assertThat(api.post("/api/v1/cart/coupon", Map.of("code", later), shopper.accessToken())
                        .error()
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_COUPON");
        Api.Response backwards = api.put(
                "/api/v1/admin/coupons/BACKWARDS-" + category,
                Map.of(
                        "percentOff",
                        10,
                        "startsAt",
                        tomorrow.toString(),
                        "expiresAt",
                        Instant.now().toString()),
                admin.accessToken());
        assertThat(backwards.status()).isEqualTo(400);

        String big = coupon(Map.of("percentOff", 50, "minSubtotal", 100, "maxRedemptions", 5));
        Api.Response applied = api.post("/api/v1/cart/coupon", Map.of("code", big), shopper.accessToken());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.data().path("coupon").path("applied").asBoolean()).isFalse();
        Api.Response below = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(below.status()).as(below.toString()).isEqualTo(201);
        assertThat(below.data().path("discount").decimalValue()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_redemptions WHERE code = :code")
                        .param("code", big)
                        .query(Integer.class)
                        .single())
                .isZero();

        JsonNode listed = api.get("/api/v1/admin/coupons", admin.accessToken())
                .data()
                .valueStream()
                .filter(c -> c.path("code").asString().equals(big))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("maxRedemptions").asInt()).isEqualTo(5);
        assertThat(listed.path("minSubtotal").decimalValue()).isEqualByComparingTo("100");
    }

    private String coupon(Map<String, Object> body) {
        String code = ("C" + UUID.randomUUID().toString().substring(0, 12)).toUpperCase(java.util.Locale.ROOT);
        Api.Response saved = api.put("/api/v1/admin/coupons/" + code, body, admin.accessToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return code;
    }

    private String product(String title, String price, int stock, String currency) {
        return store.product(title, price)
                .currency(currency)
                .in(category)
                .stock(stock)
                .idCreatedBy(admin);
    }

    private Api.Response add(SignedInUser shopper, String product, int quantity) {
        return api.post(
                "/api/v1/cart/items", Map.of("productId", product, "quantity", quantity), shopper.accessToken());
    }

    private JsonNode cart(SignedInUser shopper) {
        return api.get("/api/v1/cart", shopper.accessToken()).data();
    }

    private JsonNode guestCart(String token) {
        return api.send("GET", "/api/v1/cart", null, null, null, Map.of("X-Cart-Token", token))
                .data();
    }

    private JsonNode stock(String product) {
        return api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                .data();
    }

    private long orderCount(SignedInUser shopper) {
        return api.get("/api/v1/orders", shopper.accessToken())
                .data()
                .path("pagination")
                .path("total")
                .asLong();
    }
}
