package dev.bazaar.cart.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Carts through HTTP, for guests and signed-in users, against the real database. */
class CartApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CartMaintenance maintenance;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "cart");
    }

    @Test
    void aGuestCartLivesOnItsToken() {
        String product = product("Guest Mug", "8.50", 10);
        Api.Response empty = api.get("/api/v1/cart", null);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.data().path("items")).isEmpty();
        assertThat(empty.header("X-Cart-Token")).isNull();

        Api.Response added = add(null, null, product, 2);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String token = added.header("X-Cart-Token");
        assertThat(token).hasSize(43);
        assertThat(added.header("Set-Cookie")).contains("cart_token=" + token).contains("HttpOnly");
        assertThat(added.data().path("cartItem").path("quantity").asInt()).isEqualTo(2);
        assertThat(added.data().path("cart").path("totalItems").asInt()).isEqualTo(2);

        JsonNode cart = get(null, token);
        String itemId = cart.path("items").get(0).path("id").asString();
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("17.00");

        Api.Response updated = send("PUT", "/api/v1/cart/items/" + itemId, Map.of("quantity", 3), null, token);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().path("cartItem").path("subtotal").decimalValue())
                .isEqualByComparingTo("25.50");

        Api.Response removed = send("DELETE", "/api/v1/cart/items/" + itemId, null, null, token);
        assertThat(removed.json().path("message").asString()).isEqualTo("Item removed from cart");
        assertThat(get(null, token).path("items")).isEmpty();

        // another guest's token sees nothing of it
        add(null, token, product, 1);
        assertThat(get(null, "A".repeat(43)).path("items")).isEmpty();
        assertThat(send("DELETE", "/api/v1/cart", null, null, token).status()).isEqualTo(200);
        assertThat(get(null, token).path("items")).isEmpty();
    }

    @Test
    void signingInMergesTheGuestCartCappedByStock() {
        String mugs = product("Merge Mug", "5.00", 4);
        String plates = product("Merge Plate", "7.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, mugs, 2);

        String token = add(null, null, mugs, 3).header("X-Cart-Token");
        add(null, token, plates, 2);

        Api.Response login = api.send(
                "POST",
                "/api/v1/auth/login",
                null,
                "application/json",
                Api.json(Map.of("email", user.email(), "password", user.password())),
                Map.of("X-Cart-Token", token));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("cart_token=;").contains("Max-Age=0");

        JsonNode cart = get(user.accessToken(), null);
        assertThat(quantityOf(cart, mugs)).isEqualTo(4); // 2 + 3, capped by the stock of 4
        assertThat(quantityOf(cart, plates)).isEqualTo(2);
        assertThat(get(null, token).path("items")).isEmpty(); // the guest cart is gone
    }

    @Test
    void mergeEndpointMergesAGuestToken() {
        String product = product("Endpoint Merge Bowl", "3.00", 10);
        SignedInUser user = registerCustomer();
        String token = add(null, null, product, 2).header("X-Cart-Token");
        Api.Response merged = send("POST", "/api/v1/cart/merge", null, user.accessToken(), token);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(quantityOf(merged.data(), product)).isEqualTo(2);
        assertThat(send("POST", "/api/v1/cart/merge", null, null, token).status())
                .isEqualTo(401);
    }

    @Test
    void pricesAreLiveAndChangesAreFlagged() {
        String product = product("Repriced Lamp", "20.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 2);
        assertThat(api.put("/api/v1/products/" + product, Map.of("price", new BigDecimal("25.00")), admin.accessToken())
                        .status())
                .isEqualTo(200);

        JsonNode cart = get(user.accessToken(), null);
        JsonNode item = cart.path("items").get(0);
        assertThat(item.path("priceChanged").asBoolean()).isTrue();
        assertThat(item.path("previousPrice").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void totalsStackBulkCustomerAndCouponDiscountsThenShipping() {
        String tenner = product("Bulk Candle", "10.00", 50);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, tenner, 5);

        // 5 x 10.00 = 50.00; bulk 5% = 2.50; remaining 47.50 < 50 -> shipping 4.99
        JsonNode cart = get(user.accessToken(), null);
        assertAmounts(cart, "50.00", "2.50", "4.99", "52.49");

        saveCoupon("TENOFF" + category.substring(5).toUpperCase(), Map.of("percentOff", new BigDecimal("10")));
        Api.Response withCoupon = send(
                "POST",
                "/api/v1/cart/coupon",
                Map.of("code", "tenoff" + category.substring(5)),
                user.accessToken(),
                null);
        assertThat(withCoupon.status()).as(withCoupon.toString()).isEqualTo(200);
        // coupon 10% of 47.50 = 4.75; discount 7.25; shipping 4.99; total 50.00 + 4.99 - 7.25 = 47.74
        assertAmounts(withCoupon.data(), "50.00", "7.25", "4.99", "47.74");

        // a customer discount of 12.5% applies after bulk and before the coupon:
        // 47.50 * 12.5% = 5.9375 -> 5.94 (half-even); remaining 41.56; coupon 10% = 4.156 -> 4.16
        assertThat(api.put(
                                "/api/v1/admin/customers/" + user.id() + "/discount",
                                Map.of("percentOff", new BigDecimal("12.5"), "reason", "loyalty"),
                                admin.accessToken())
                        .status())
                .isEqualTo(200);
        assertAmounts(get(user.accessToken(), null), "50.00", "12.60", "4.99", "42.39");

        // shipping is free from 50.00 after discounts
        String bigTicket = product("Bulk Sofa", "60.00", 5);
        add(user.accessToken(), null, bigTicket, 1);
        JsonNode both = get(user.accessToken(), null);
        assertThat(both.path("shipping").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(both.path("total").decimalValue())
                .isEqualByComparingTo(both.path("subtotal")
                        .decimalValue()
                        .subtract(both.path("discount").decimalValue()));
    }

    @Test
    void unknownOrExpiredCouponsAreRefused() {
        String product = product("Coupon Cup", "4.00", 5);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        Api.Response unknown =
                send("POST", "/api/v1/cart/coupon", Map.of("code", "NOPE-" + category), user.accessToken(), null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error().path("code").asString()).isEqualTo("INVALID_COUPON");
        String expired = "OLD" + category.substring(5).toUpperCase();
        saveCoupon(
                expired,
                Map.of(
                        "amountOff",
                        new BigDecimal("1.00"),
                        "expiresAt",
                        Instant.now().minusSeconds(60).toString()));
        assertThat(send("POST", "/api/v1/cart/coupon", Map.of("code", expired), user.accessToken(), null)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void badQuantitiesAreRejectedAndChangeNothing() {
        String product = product("Quantity Jar", "2.00", 500);
        SignedInUser user = registerCustomer();
        for (Object quantity : List.of(0, 100, -1, "abc", 1.5)) {
            Api.Response response = send(
                    "POST",
                    "/api/v1/cart/items",
                    Map.of("productId", product, "quantity", quantity),
                    user.accessToken(),
                    null);
            assertThat(response.status()).as(String.valueOf(quantity)).isEqualTo(400);
        }
        assertThat(get(user.accessToken(), null).path("items")).isEmpty();
        add(user.accessToken(), null, product, 60);
        Api.Response overLineMaximum = add(user.accessToken(), null, product, 60);
        assertThat(overLineMaximum.status()).isEqualTo(400);
        assertThat(quantityOf(get(user.accessToken(), null), product)).isEqualTo(60);
    }

    @Test
    void moreThanTheStockIsAConflictWithTheAvailableQuantity() {
        String product = product("Scarce Vase", "30.00", 3);
        SignedInUser user = registerCustomer();
        Api.Response response = add(user.accessToken(), null, product, 4);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error().path("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(response.error().path("details").get(0).path("message").asString())
                .isEqualTo("available: 3");
        assertThat(add(user.accessToken(), null, UUID.randomUUID().toString(), 1)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void concurrentAddsOfOneProductEndAsOneLine() throws Exception {
        String product = product("Race Spoon", "1.00", 100);
        SignedInUser user = registerCustomer();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(() -> add(user.accessToken(), null, product, 1).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : threads.invokeAll(adds)) {
            statuses.add(result.get());
        }
        threads.shutdown();
        assertThat(statuses).containsOnly(201);
        JsonNode cart = get(user.accessToken(), null);
        assertThat(cart.path("items")).hasSize(1);
        assertThat(quantityOf(cart, product)).isEqualTo(20);
    }

    @Test
    void concurrentAddsAnswerEachWithTheLineAsTheirOwnAdditionLeftIt() throws Exception {
        String product = product("Race Fork", "2.00", 100);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Callable<Api.Response>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(() -> add(user.accessToken(), null, product, 2));
        }
        List<Integer> quantities = new ArrayList<>();
        for (Future<Api.Response> result : threads.invokeAll(adds)) {
            Api.Response response = result.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            quantities.add(response.data().path("cartItem").path("quantity").asInt());
            assertThat(response.data().path("cart").path("totalItems").asInt())
                    .isEqualTo(response.data().path("cartItem").path("quantity").asInt());
        }
        threads.shutdown();
        // one after the other, each addition saw the line as the ones before it left it
        assertThat(quantities)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 20).map(n -> 1 + 2 * n).boxed().toList());
        assertThat(quantityOf(get(user.accessToken(), null), product)).isEqualTo(41);
    }

    @Test
    void aReadCartShowsANewPriceOfItsProduct() {
        String product = product("Cached Lamp", "20.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 2);
        assertThat(get(user.accessToken(), null).path("subtotal").decimalValue())
                .isEqualByComparingTo("40.00");

        Api.Response repriced =
                api.put("/api/v1/products/" + product, Map.of("price", new BigDecimal("25.00")), admin.accessToken());
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);

        JsonNode cart = get(user.accessToken(), null);
        assertThat(cart.path("items").get(0).path("price").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    void aReadCartShowsTheNewStockOfItsProduct() {
        String product = product("Cached Kettle", "30.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        assertThat(get(user.accessToken(), null)
                        .path("items")
                        .get(0)
                        .path("available")
                        .asInt())
                .isEqualTo(10);

        Api.Response restocked = api.put(
                "/api/v1/admin/inventory/" + product, Map.of("onHand", 4, "reason", "recount"), admin.accessToken());
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(200);

        assertThat(get(user.accessToken(), null)
                        .path("items")
                        .get(0)
                        .path("available")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void aReadCartShowsAnAppliedCouponAndItsWithdrawal() {
        String product = product("Cached Teapot", "40.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        assertThat(get(user.accessToken(), null).path("discount").decimalValue())
                .isEqualByComparingTo("0.00");
        String code = "CACHED" + category.substring(5).toUpperCase();
        saveCoupon(code, Map.of("amountOff", new BigDecimal("5.00")));

        Api.Response applied = send("POST", "/api/v1/cart/coupon", Map.of("code", code), user.accessToken(), null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        JsonNode withCoupon = get(user.accessToken(), null);
        assertThat(withCoupon.path("coupon").path("applied").asBoolean()).isTrue();
        assertThat(withCoupon.path("discount").decimalValue()).isEqualByComparingTo("5.00");

        // the admin withdraws the coupon: the carts that carry it are priced again
        saveCoupon(code, Map.of("amountOff", new BigDecimal("5.00"), "active", false));
        JsonNode withdrawn = get(user.accessToken(), null);
        assertThat(withdrawn.path("coupon").path("applied").asBoolean()).isFalse();
        assertThat(withdrawn.path("discount").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void aReadCartShowsAnotherAddedItem() {
        String cup = product("Cached Cup", "3.00", 10);
        String saucer = product("Cached Saucer", "2.00", 10);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, cup, 1);
        assertThat(get(user.accessToken(), null).path("items")).hasSize(1);

        add(user.accessToken(), null, saucer, 2);
        JsonNode cart = get(user.accessToken(), null);
        assertThat(cart.path("items")).hasSize(2);
        assertThat(quantityOf(cart, saucer)).isEqualTo(2);
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo("7.00");
    }

    @Test
    void anotherUsersItemIsNotFound() {
        String product = product("Private Plate", "9.00", 5);
        SignedInUser owner = registerCustomer();
        SignedInUser other = registerCustomer();
        add(owner.accessToken(), null, product, 1);
        String itemId =
                get(owner.accessToken(), null).path("items").get(0).path("id").asString();
        assertThat(send("PUT", "/api/v1/cart/items/" + itemId, Map.of("quantity", 2), other.accessToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/cart/items/" + itemId, null, other.accessToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(quantityOf(get(owner.accessToken(), null), product)).isEqualTo(1);
        // the client cannot set prices or totals
        assertThat(send(
                                "POST",
                                "/api/v1/cart/items",
                                Map.of("productId", product, "quantity", 1, "price", 0),
                                owner.accessToken(),
                                null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void expiredCartsArePurged() {
        String product = product("Stale Towel", "6.00", 5);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        String guestToken = add(null, null, product, 1).header("X-Cart-Token");
        jdbc.sql("UPDATE carts SET updated_at = now() - interval '31 days' WHERE user_id = :id")
                .param("id", user.id())
                .update();
        jdbc.sql("UPDATE carts SET updated_at = now() - interval '8 days' WHERE guest_token_hash = :hash")
                .param("hash", GuestCartTokens.hash(guestToken))
                .update();
        assertThat(maintenance.purgeExpiredCarts()).isGreaterThanOrEqualTo(2);
        assertThat(get(null, guestToken).path("items")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM carts WHERE user_id = :id")
                        .param("id", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAbandonedCartIsRemindedOncePerIdlePeriod() throws Exception {
        String product = product("Forgotten Clock", "15.00", 5);
        SignedInUser user = registerCustomer();
        add(user.accessToken(), null, product, 1);
        jdbc.sql("UPDATE carts SET updated_at = now() - interval '25 hours' WHERE user_id = :id")
                .param("id", user.id())
                .update();

        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> runs = List.of(maintenance::remindAbandonedCarts, maintenance::remindAbandonedCarts);
        for (Future<Integer> run : instances.invokeAll(runs)) {
            run.get();
        }
        instances.shutdown();
        maintenance.remindAbandonedCarts();
        assertThat(remindersTo(user)).isEqualTo(1);

        // a change to the cart starts a new idle period, which may be reminded again
        add(user.accessToken(), null, product, 1);
        jdbc.sql("UPDATE carts SET updated_at = now() - interval '25 hours' WHERE user_id = :id")
                .param("id", user.id())
                .update();
        maintenance.remindAbandonedCarts();
        assertThat(remindersTo(user)).isEqualTo(2);
        JsonNode listed = api.get("/api/v1/admin/notifications?kind=abandoned_cart&limit=500", admin.accessToken())
                .data();
        assertThat(listed.path("notifications")
                        .valueStream()
                        .filter(n -> n.path("recipientEmail").asString().equals(user.email())))
                .hasSize(2);
    }

    private long remindersTo(SignedInUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_user_id = :id AND kind = 'abandoned_cart'")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    private void saveCoupon(String code, Map<String, Object> body) {
        Api.Response saved = api.put("/api/v1/admin/coupons/" + code, body, admin.accessToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private static void assertAmounts(JsonNode cart, String subtotal, String discount, String shipping, String total) {
        assertThat(cart.path("subtotal").decimalValue()).isEqualByComparingTo(subtotal);
        assertThat(cart.path("discount").decimalValue()).isEqualByComparingTo(discount);
        assertThat(cart.path("shipping").decimalValue()).isEqualByComparingTo(shipping);
        assertThat(cart.path("total").decimalValue()).isEqualByComparingTo(total);
        assertThat(cart.path("total").decimalValue().scale()).isEqualTo(2);
    }

    private String product(String title, String price, int stock) {
        return newProduct(admin, category, title, price, stock);
    }

    private Api.Response add(String accessToken, String cartToken, String productId, int quantity) {
        return send(
                "POST",
                "/api/v1/cart/items",
                Map.of("productId", productId, "quantity", quantity),
                accessToken,
                cartToken);
    }

    private JsonNode get(String accessToken, String cartToken) {
        Api.Response response = send("GET", "/api/v1/cart", null, accessToken, cartToken);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private Api.Response send(String method, String path, Object body, String accessToken, String cartToken) {
        return api.send(
                method,
                path,
                accessToken,
                body == null ? null : "application/json",
                body == null ? null : Api.json(body),
                cartToken == null ? Map.of() : Map.of("X-Cart-Token", cartToken));
    }

    private static int quantityOf(JsonNode cart, String productId) {
        return cart.path("items")
                .valueStream()
                .filter(item -> item.path("product").path("id").asString().equals(productId))
                .mapToInt(item -> item.path("quantity").asInt())
                .findFirst()
                .orElse(0);
    }
}
