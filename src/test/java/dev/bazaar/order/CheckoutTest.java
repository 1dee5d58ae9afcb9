package dev.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Checkout through HTTP against the real database, inventory and test card gateway. */
class CheckoutTest extends IntegrationTest {

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "shop");
    }

    @Test
    void fiftyShoppersRaceForTenUnitsAndExactlyTenWin() throws Exception {
        String product = product("Limited Print", "25.00", 10);
        List<SignedInUser> shoppers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SignedInUser shopper = registerCustomer();
            assertThat(addToCart(shopper, product, 1).status()).isEqualTo(201);
            shoppers.add(shopper);
        }
        ExecutorService threads = Executors.newFixedThreadPool(25);
        List<Callable<Api.Response>> checkouts = new ArrayList<>();
        shoppers.forEach(shopper ->
                checkouts.add(() -> placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"))));
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> response : threads.invokeAll(checkouts)) {
            responses.add(response.get());
        }
        threads.shutdown();
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(10);
        List<Api.Response> refused =
                responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.error().path("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        });
        JsonNode stock = api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                .data();
        assertThat(stock.path("onHand").asInt()).isZero();
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(stock.path("available").asInt()).isZero();
    }

    @Test
    void aRepeatedRequestGetsTheFirstAnswerAndNoSecondOrder() {
        String product = product("Idempotent Kettle", "40.00", 5);
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 2);
        String key = UUID.randomUUID().toString();

        Api.Response first = placeOrder(shopper, key, cardOrder("tok_visa"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response again = placeOrder(shopper, key, cardOrder("tok_visa"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.data().path("id").asString())
                .isEqualTo(first.data().path("id").asString());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(orders(shopper).path("pagination").path("total").asLong()).isEqualTo(1);

        Api.Response otherBody = placeOrder(shopper, key, cardOrder("tok_declined"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.error().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api.Response missingKey = api.post("/api/v1/orders", cardOrder("tok_visa"), shopper.accessToken());
        assertThat(missingKey.status()).isEqualTo(400);
    }

    @Test
    void theOrderMatchesTheCartToTheCentAndTheCartEmpties() {
        String candle = product("Order Candle", "10.00", 50);
        String vase = product("Order Vase", "33.33", 50);
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, candle, 5);
        addToCart(shopper, vase, 1);
        JsonNode cart = api.get("/api/v1/cart", shopper.accessToken()).data();

        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        JsonNode order = placed.data();
        for (String amount : List.of("subtotal", "discount", "shipping", "total")) {
            assertThat(order.path(amount).decimalValue())
                    .as(amount)
                    .isEqualByComparingTo(cart.path(amount).decimalValue());
        }
        assertThat(order.path("status").asString()).isEqualTo("confirmed");
        assertThat(order.path("paymentStatus").asString()).isEqualTo("paid");
        assertThat(order.path("items")).hasSize(2);
        assertThat(order.path("timeline")
                        .valueStream()
                        .map(e -> e.path("status").asString()))
                .containsExactly("pending", "confirmed");
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).data().path("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/admin/inventory/" + candle, admin.accessToken())
                        .data()
                        .path("onHand")
                        .asInt())
                .isEqualTo(45);

        Api.Response empty = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.error().path("code").asString()).isEqualTo("EMPTY_CART");
    }

    @Test
    void aDeclinedCardLeavesNoPaidOrderReleasesStockAndKeepsTheCart() {
        String product = product("Declined Rug", "80.00", 3);
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 2);
        Api.Response declined = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_declined"));
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.error().path("code").asString()).isEqualTo("PAYMENT_DECLINED");

        JsonNode order = orders(shopper).path("orders").get(0);
        assertThat(order.path("status").asString()).isEqualTo("cancelled");
        assertThat(order.path("paymentStatus").asString()).isEqualTo("failed");
        JsonNode stock = api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                .data();
        assertThat(stock.path("available").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/cart", shopper.accessToken()).data().path("items"))
                .hasSize(1);
    }

    @Test
    void cancellingAPaidOrderRefundsAndRestocks() {
        String product = product("Refund Lamp", "15.00", 4);
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 2);
        String orderId = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"))
                .data()
                .path("id")
                .asString();
        assertThat(api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                        .data()
                        .path("onHand")
                        .asInt())
                .isEqualTo(2);

        Api.Response cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), shopper.accessToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.data().path("paymentStatus").asString()).isEqualTo("refunded");
        assertThat(api.get("/api/v1/admin/inventory/" + product, admin.accessToken())
                        .data()
                        .path("onHand")
                        .asInt())
                .isEqualTo(4);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), shopper.accessToken())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void ordersArePrivateAndOnlyAdminsMoveThemAlong() {
        String product = product("Private Chair", "55.00", 5);
        SignedInUser shopper = registerCustomer();
        SignedInUser stranger = registerCustomer();
        addToCart(shopper, product, 1);
        String orderId = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"))
                .data()
                .path("id")
                .asString();

        assertThat(api.get("/api/v1/orders/" + orderId, stranger.accessToken()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), stranger.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/orders/" + orderId + "/status",
                                Map.of("status", "shipped"),
                                shopper.accessToken())
                        .status())
                .isEqualTo(403);

        assertThat(status(orderId, Map.of("status", "shipped")).status()).isEqualTo(400); // no tracking number
        assertThat(status(orderId, Map.of("status", "delivered")).status()).isEqualTo(409);
        assertThat(status(orderId, Map.of("status", "shipped", "trackingNumber", "1Z999"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of(), shopper.accessToken())
                        .status())
                .isEqualTo(409);
        JsonNode delivered = status(orderId, Map.of("status", "delivered")).data();
        assertThat(delivered
                        .path("timeline")
                        .valueStream()
                        .map(e -> e.path("status").asString()))
                .containsExactly("pending", "confirmed", "shipped", "delivered");
        assertThat(delivered.path("trackingNumber").asString()).isEqualTo("1Z999");
        assertThat(status(orderId, Map.of("status", "cancelled")).status()).isEqualTo(409);

        JsonNode mine =
                api.get("/api/v1/orders/" + orderId, shopper.accessToken()).data();
        assertThat(mine.path("status").asString()).isEqualTo("delivered");
    }

    @Test
    void cashOnDeliveryIsConfirmedAndPaidAtDelivery() {
        String product = product("Cash Stool", "20.00", 5);
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 1);
        Map<String, Object> body = new HashMap<>(cardOrder(null));
        body.put("paymentMethod", "CASH_ON_DELIVERY");
        body.remove("cardToken");
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.data().path("paymentStatus").asString()).isEqualTo("due");
        String orderId = placed.data().path("id").asString();
        status(orderId, Map.of("status", "shipped", "trackingNumber", "T1"));
        assertThat(status(orderId, Map.of("status", "delivered"))
                        .data()
                        .path("paymentStatus")
                        .asString())
                .isEqualTo("paid");
    }

    @Test
    void badAddressesAreRejected() {
        SignedInUser shopper = registerCustomer();
        Map<String, Object> body = new HashMap<>(cardOrder("tok_visa"));
        body.put(
                "shippingAddress",
                Map.of("recipient", "A", "line1", "1 St", "city", "C", "postalCode", "1", "country", "Narnia"));
        Api.Response response = placeOrder(shopper, UUID.randomUUID().toString(), body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().path("details").get(0).path("field").asString())
                .isEqualTo("shippingAddress.country");
    }

    @Test
    void aSavedAddressFromTheProfileCanBeUsed() {
        String product = product("Saved Address Shelf", "18.00", 5);
        SignedInUser shopper = registerCustomer();
        api.put(
                "/api/v1/users/me",
                Map.of(
                        "addresses",
                        List.of(Map.of(
                                "recipient",
                                "Ada Home",
                                "line1",
                                "7 Garden Row",
                                "city",
                                "York",
                                "postalCode",
                                "YO1 7HH",
                                "country",
                                "GB"))),
                shopper.accessToken());
        addToCart(shopper, product, 1);
        Map<String, Object> body = new HashMap<>(cardOrder("tok_visa"));
        body.remove("shippingAddress");
        body.put("savedAddressIndex", 0);
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), body);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.data().path("shippingAddress").path("line1").asString())
                .isEqualTo("7 Garden Row");

        body.put("savedAddressIndex", 3);
        assertThat(placeOrder(shopper, UUID.randomUUID().toString(), body).status())
                .isEqualTo(400);
        body.remove("savedAddressIndex");
        assertThat(placeOrder(shopper, UUID.randomUUID().toString(), body).status())
                .isEqualTo(400);
    }

    private Api.Response status(String orderId, Map<String, Object> body) {
        return api.put("/api/v1/admin/orders/" + orderId + "/status", body, admin.accessToken());
    }

    private JsonNode orders(SignedInUser shopper) {
        return api.get("/api/v1/orders", shopper.accessToken()).data();
    }

    private Api.Response addToCart(SignedInUser shopper, String product, int quantity) {
        return api.post(
                "/api/v1/cart/items", Map.of("productId", product, "quantity", quantity), shopper.accessToken());
    }

    private String product(String title, String price, int stock) {
        return newProduct(admin, category, title, price, stock);
    }
}
