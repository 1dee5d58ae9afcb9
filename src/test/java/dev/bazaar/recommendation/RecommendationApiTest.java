package dev.bazaar.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Behaviour recording from real orders, frequently bought together and popular products, through HTTP. */
class RecommendationApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "recs");
    }

    @Test
    void productsBoughtTogetherAreSuggestedWithTheirConfidenceAndRedeliveryCountsOnce() {
        String a = product("Together Teapot", "30.00");
        String b = product("Together Cups", "12.00");
        String c = product("Together Tray", "20.00");
        SignedInUser shopper = registerCustomer();
        String lastOrder = null;
        for (int i = 0; i < 3; i++) {
            lastOrder = orderProducts(shopper, Map.of(a, 1, b, 2));
        }
        orderProducts(shopper, Map.of(a, 1, c, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> purchaseRows(List.of(a, b, c)) == 8);

        Api.Response refreshed = api.post("/api/v1/admin/recommendations/refresh", Map.of(), admin.accessToken());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/recommendations/refresh", Map.of(), shopper.accessToken())
                        .status())
                .isEqualTo(403);

        Api.Response fbt = api.get("/api/v1/products/" + a + "/frequently-bought-together", null);
        assertThat(fbt.status()).as(fbt.toString()).isEqualTo(200);
        JsonNode products = fbt.data().path("products");
        assertThat(products).hasSize(1); // A ⇒ C is in one basket only, under the minimum of two
        JsonNode first = products.get(0);
        assertThat(first.path("id").asString()).isEqualTo(b);
        assertThat(first.path("title").asString()).isEqualTo("Together Cups");
        assertThat(first.path("price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(first.path("confidence").asDouble()).isEqualTo(0.75);
        assertThat(first.path("lift").asDouble()).isPositive();
        assertThat(first.path("support").asDouble()).isPositive();

        JsonNode fromB = api.get("/api/v1/products/" + b + "/frequently-bought-together?limit=1", null)
                .data()
                .path("products");
        assertThat(fromB).hasSize(1);
        assertThat(fromB.get(0).path("id").asString()).isEqualTo(a);
        assertThat(fromB.get(0).path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/v1/products/" + c + "/frequently-bought-together", null)
                        .data()
                        .path("products"))
                .isEmpty();

        // the event publication log may deliver OrderPlaced again: no purchase is counted twice
        OrderPlaced again = new OrderPlaced(
                UUID.fromString(lastOrder),
                shopper.id(),
                List.of(
                        new OrderPlaced.Line(UUID.fromString(a), 1, new BigDecimal("30.00")),
                        new OrderPlaced.Line(UUID.fromString(b), 2, new BigDecimal("12.00"))),
                dev.bazaar.platform.Money.of("54.00", "USD"),
                "CARD",
                Instant.now());
        publishInTransaction(again);
        await().atMost(Duration.ofSeconds(20))
                // the recorder is the only listener of OrderPlaced
                .until(() -> timesHandled(again) > 0);
        assertThat(purchaseRows(List.of(a, b, c))).isEqualTo(8);
        assertThat(jdbc.sql("SELECT count(*) FROM user_behavior WHERE event_key = :key")
                        .param("key", "purchase:" + lastOrder + ":" + a)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT metadata ->> 'quantity' FROM user_behavior WHERE event_key = :key")
                        .param("key", "purchase:" + lastOrder + ":" + b)
                        .query(String.class)
                        .single())
                .isEqualTo("2");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM user_behavior WHERE user_id = :user "
                                        + "AND event_type = 'add_to_cart'")
                                .param("user", shopper.id())
                                .query(Long.class)
                                .single()
                        == 8);
        // each checkout empties the cart without removal events: the items were bought, not abandoned
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM user_behavior WHERE user_id = :user AND event_type = 'remove_from_cart'")
                        .param("user", shopper.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void removingFromACartIsRecorded() {
        String product = product("Removed Mug", "7.00");
        SignedInUser shopper = registerCustomer();
        api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 2), shopper.accessToken());
        String itemId = api.get("/api/v1/cart", shopper.accessToken())
                .data()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        api.delete("/api/v1/cart/items/" + itemId, shopper.accessToken());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT count(*) FROM user_behavior WHERE user_id = :user "
                                        + "AND event_type = 'remove_from_cart' AND product_id = :product")
                                .param("user", shopper.id())
                                .param("product", java.util.UUID.fromString(product))
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void popularListsTheMostPurchasedProductOfTheCategoryFirst() {
        String often = product("Popular Lamp", "25.00");
        String once = product("Quiet Lamp", "26.00");
        SignedInUser shopper = registerCustomer();
        orderProducts(shopper, Map.of(often, 1));
        orderProducts(shopper, Map.of(often, 1, once, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> purchaseRows(List.of(often, once)) == 3);
        // the ranking is shared for a minute; an admin's refresh computes it again now
        assertThat(api.post("/api/v1/admin/recommendations/refresh", Map.of(), admin.accessToken())
                        .status())
                .isEqualTo(200);

        Api.Response response = api.get("/api/v1/recommendations?type=popular&limit=5&category=" + category, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.data();
        assertThat(data.path("type").asString()).isEqualTo("popular");
        assertThat(data.path("generatedAt").isMissingNode()).isFalse();
        JsonNode recommendations = data.path("recommendations");
        assertThat(recommendations).hasSize(2);
        assertThat(recommendations.get(0).path("product").path("id").asString()).isEqualTo(often);
        assertThat(recommendations.get(0).path("product").path("title").asString())
                .isEqualTo("Popular Lamp");
        assertThat(recommendations.get(0).path("score").asDouble()).isEqualTo(1.0); // 2 purchases × 0.5
        assertThat(recommendations.get(0).path("reason").asString()).isEqualTo("Popular in " + category);
        assertThat(recommendations.get(1).path("product").path("id").asString()).isEqualTo(once);

        // a first review is recorded as review behaviour, once
        Api.Response reviewed =
                api.post("/api/v1/products/" + once + "/reviews", Map.of("rating", 4), shopper.accessToken());
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT metadata ->> 'rating' FROM user_behavior WHERE event_key = :key")
                        .param("key", "review:" + shopper.id() + ":" + once + ":4")
                        .query(String.class)
                        .optional()
                        .filter("4"::equals)
                        .isPresent());

        Api.Response overall = api.get("/api/v1/recommendations?limit=50", null);
        assertThat(overall.status()).isEqualTo(200);
        assertThat(overall.data().path("recommendations").get(0).path("reason").asString())
                .isEqualTo("Popular right now");
    }

    @Test
    void badParametersAre400AndUnknownProducts404() {
        Api.Response badType = api.get("/api/v1/recommendations?type=bogus", null);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.error().path("message").asString()).contains("popular");
        assertThat(api.get("/api/v1/recommendations?limit=0", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/recommendations?limit=51", null).status()).isEqualTo(400);

        String product = product("Lonely Vase", "9.00");
        assertThat(api.get("/api/v1/products/" + product + "/frequently-bought-together?limit=21", null)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/products/" + product + "/frequently-bought-together?limit=0", null)
                        .status())
                .isEqualTo(400);
        Api.Response none = api.get("/api/v1/products/" + product + "/frequently-bought-together", null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.data().path("products")).isEmpty();
        assertThat(api.get("/api/v1/products/" + UUID.randomUUID() + "/frequently-bought-together", null)
                        .status())
                .isEqualTo(404);
    }

    private long purchaseRows(List<String> products) {
        return BehaviourRows.purchases(jdbc, products);
    }

    private String product(String title, String price) {
        return newProduct(admin, category, title, price, 100);
    }
}
