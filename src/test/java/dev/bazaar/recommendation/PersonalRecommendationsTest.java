package dev.bazaar.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal, collaborative, content-based and similar recommendations, related products in product details, view
 * events and cancelled purchases, through HTTP. Other tests share the database, so every assertion is about this
 * test's own products and users.
 */
class PersonalRecommendationsTest extends IntegrationTest {

    private static final Duration REFRESHED = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "personal");
    }

    @Test
    void personalListsBlendNeighboursExcludeBoughtAndCartAndFollowNewPurchases() {
        String kettle = product("Blend Kettle", "40.00");
        String teapot = product("Blend Teapot", "30.00");
        String cups = product("Blend Cups", "12.00");
        String toaster = product("Blend Toaster", "35.00");
        // three customers bought the kettle with the teapot, one of them the cups too, one the toaster alone
        for (int i = 0; i < 3; i++) {
            SignedInUser other = registerCustomer();
            orderProducts(other, i == 0 ? Map.of(kettle, 1, teapot, 1, cups, 1) : Map.of(kettle, 1, teapot, 1));
        }
        orderProducts(registerCustomer(), Map.of(toaster, 1));
        SignedInUser shopper = registerCustomer();
        orderProducts(shopper, Map.of(kettle, 1));
        awaitPurchases(List.of(kettle, teapot, cups, toaster), 9);
        retrain();

        await().atMost(REFRESHED).untilAsserted(() -> {
            List<String> ids = ids(recommendations(shopper, "personalized", 20));
            assertThat(ids).contains(teapot, cups).doesNotContain(kettle);
            assertThat(ids.indexOf(teapot)).isLessThan(ids.indexOf(cups));
        });
        JsonNode personal = recommendations(shopper, "personalized", 20);
        assertThat(personal.path("type").asString()).isEqualTo("personalized");
        assertThat(personal.path("generatedAt").asString()).isNotBlank();
        JsonNode teapotItem = item(personal, teapot);
        assertThat(teapotItem.path("score").asDouble()).isPositive();
        assertThat(teapotItem.path("reason").asString()).isNotBlank();
        assertThat(teapotItem.path("product").path("title").asString()).isEqualTo("Blend Teapot");
        assertThat(teapotItem.path("product").path("price").decimalValue()).isEqualByComparingTo("30.00");
        // the list is stored, not only cached
        assertThat(jdbc.sql("SELECT count(*) FROM user_recommendations WHERE user_id = :user "
                                + "AND algorithm = 'personalized' AND product_id = :product")
                        .param("user", shopper.id())
                        .param("product", UUID.fromString(teapot))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        JsonNode collaborative = recommendations(shopper, "collaborative", 20);
        assertThat(ids(collaborative)).contains(teapot).doesNotContain(kettle);
        assertThat(item(collaborative, teapot).path("reason").asString())
                .isIn("Users with similar preferences also bought this", "Similar to items you viewed");
        JsonNode content = recommendations(shopper, "content-based", 20);
        assertThat(ids(content)).contains(teapot).doesNotContain(kettle);
        assertThat(item(content, teapot).path("reason").asString()).isEqualTo("Matches your interest in " + category);

        // putting the teapot in the cart takes it out of the lists within seconds
        api.post("/api/v1/cart/items", Map.of("productId", teapot, "quantity", 1), shopper.accessToken());
        await().atMost(REFRESHED)
                .untilAsserted(() -> assertThat(ids(recommendations(shopper, "personalized", 20)))
                        .doesNotContain(teapot)
                        .contains(cups));
        // buying the cups (and the teapot in the cart) takes them out too, without a new training
        orderProducts(shopper, Map.of(cups, 1));
        await().atMost(REFRESHED)
                .untilAsserted(() -> assertThat(ids(recommendations(shopper, "personalized", 20)))
                        .doesNotContain(kettle, teapot, cups));
    }

    @Test
    void aCartAdditionMarksTheListsStaleAndTheNextReadComputesThem() {
        String shade = product("Lazy Shade", "8.00");
        String bulb = product("Lazy Bulb", "3.00");
        orderProducts(registerCustomer(), Map.of(shade, 1, bulb, 1));
        awaitPurchases(List.of(shade, bulb), 2);
        retrain();
        SignedInUser shopper = registerCustomer();
        // a newcomer's list is the store's most popular products: which ones depends on every other test of the
        // run, so this test looks at when lists were computed, not at their contents
        await().atMost(REFRESHED).until(() -> {
            recommendations(shopper, "personalized", 20);
            return storedRows(shopper) > 0;
        });

        Instant added = Instant.now();
        api.post("/api/v1/cart/items", Map.of("productId", shade, "quantity", 1), shopper.accessToken());
        // nothing is computed for the addition: the lists computed before it are dropped, in the addition's own
        // transaction. A precompute after another test's training may store a new list meanwhile, but never one
        // computed before the addition.
        assertThat(storedRowsComputedBefore(shopper, added)).isZero();
        assertThat(ids(recommendations(shopper, "personalized", 20))).doesNotContain(shade);
        assertThat(storedRows(shopper)).isPositive();
        assertThat(storedRowsComputedBefore(shopper, added)).isZero();
    }

    @Test
    void cartChangesAreRecordedWithTheChangeAndRefusedOnesNotAtAll() {
        String basket = newProduct(admin, category, "Recorded Basket", "15.00", 5);
        SignedInUser shopper = registerCustomer();

        Api.Response refused =
                api.post("/api/v1/cart/items", Map.of("productId", basket, "quantity", 6), shopper.accessToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(behaviour(shopper, basket)).isEmpty();

        Api.Response added =
                api.post("/api/v1/cart/items", Map.of("productId", basket, "quantity", 2), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        // recorded in the addition's transaction: there when the answer arrives, no waiting for a listener
        assertThat(behaviour(shopper, basket)).containsExactly("add_to_cart");

        String item = added.data().path("cartItem").path("id").asString();
        Api.Response removed = api.delete("/api/v1/cart/items/" + item, shopper.accessToken());
        assertThat(removed.status()).as(removed.toString()).isLessThan(300);
        assertThat(behaviour(shopper, basket)).containsExactly("add_to_cart", "remove_from_cart");
    }

    private List<String> behaviour(SignedInUser user, String product) {
        return jdbc.sql("SELECT event_type FROM user_behavior WHERE user_id = :user AND product_id = :product "
                        + "ORDER BY created_at, event_type")
                .param("user", user.id())
                .param("product", UUID.fromString(product))
                .query(String.class)
                .list();
    }

    private int storedRowsComputedBefore(SignedInUser user, Instant instant) {
        return jdbc.sql("SELECT count(*) FROM user_recommendations WHERE user_id = :user AND created_at < :at")
                .param("user", user.id())
                .param("at", java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }

    @Test
    void newUsersAndVisitorsGetThePopularList() {
        String bestseller = product("Cold Start Bestseller", "15.00");
        // bought in four orders: among the most popular products of the whole test run
        for (int i = 0; i < 2; i++) {
            SignedInUser buyer = registerCustomer();
            orderProducts(buyer, Map.of(bestseller, 1));
            orderProducts(buyer, Map.of(bestseller, 1));
        }
        awaitPurchases(List.of(bestseller), 4);
        retrain();

        SignedInUser newcomer = registerCustomer();
        JsonNode personal = recommendations(newcomer, "personalized", 50);
        assertThat(ids(personal)).contains(bestseller);
        assertThat(personal.path("recommendations")
                        .valueStream()
                        .map(item -> item.path("reason").asString())
                        .toList())
                .allMatch(reason -> reason.startsWith("Popular"));
        JsonNode visitor = api.get("/api/v1/recommendations?type=personalized&limit=50", null)
                .data();
        assertThat(visitor.path("type").asString()).isEqualTo("personalized");
        assertThat(ids(visitor)).contains(bestseller);
    }

    @Test
    void similarProductsAndRelatedProductsComeFromCustomersWhoBoughtBoth() {
        String tent = product("Similar Tent", "120.00");
        String mat = product("Similar Sleeping Mat", "25.00");
        String stove = product("Similar Stove", "45.00");
        for (int i = 0; i < 2; i++) {
            orderProducts(registerCustomer(), Map.of(tent, 1, mat, 1));
        }
        orderProducts(registerCustomer(), Map.of(stove, 1));
        awaitPurchases(List.of(tent, mat, stove), 5);
        // cached with the related products of the model before this training: the training must evict them
        assertThat(api.get("/api/v1/products/" + tent, null).status()).isEqualTo(200);
        retrain();

        Api.Response similar = api.get("/api/v1/recommendations?type=similar&productId=" + tent, null);
        assertThat(similar.status()).as(similar.toString()).isEqualTo(200);
        List<String> ids = ids(similar.data());
        assertThat(ids).first().isEqualTo(mat);
        assertThat(ids).doesNotContain(tent);
        assertThat(item(similar.data(), mat).path("reason").asString())
                .isEqualTo("Customers who bought this also bought");
        // the stove shares only the category: content-based fills the list after the neighbours
        assertThat(ids).contains(stove);
        assertThat(item(similar.data(), stove).path("reason").asString()).isEqualTo("Similar to Similar Tent");

        JsonNode details = api.get("/api/v1/products/" + tent, null).data();
        List<String> related = details.path("relatedProducts")
                .valueStream()
                .map(card -> card.path("id").asString())
                .toList();
        assertThat(related).first().isEqualTo(mat);
        assertThat(related).doesNotContain(tent);

        // a product added after the training: its details (asked first) find products of its category and price
        String lantern = product("Similar Lantern", "40.00");
        List<String> relatedToNew = api.get("/api/v1/products/" + lantern, null)
                .data()
                .path("relatedProducts")
                .valueStream()
                .map(card -> card.path("id").asString())
                .toList();
        // stove (45) and mat (25) lie in the price range of a 40.00 lantern (20-60), the tent (120) outside it
        assertThat(relatedToNew).hasSize(3).doesNotContain(lantern);
        assertThat(relatedToNew.subList(0, 2)).containsExactlyInAnyOrder(stove, mat);
        assertThat(relatedToNew.get(2)).isEqualTo(tent);
        JsonNode similarToNew = api.get("/api/v1/recommendations?type=similar&productId=" + lantern, null)
                .data();
        assertThat(item(similarToNew, stove).path("reason").asString()).isEqualTo("Similar to Similar Lantern");

        assertThat(api.get("/api/v1/recommendations?type=similar", null).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/recommendations?type=similar&productId=" + UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/recommendations?type=similar&productId=not-a-uuid", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void viewsOfKnownShoppersAreRecordedOnceEach() {
        String lamp = product("Viewed Lamp", "19.00");
        SignedInUser shopper = registerCustomer();
        assertThat(api.get("/api/v1/products/" + lamp, shopper.accessToken()).status())
                .isEqualTo(200);
        String guestToken = api.post("/api/v1/cart/items", Map.of("productId", lamp, "quantity", 1), null)
                .header("X-Cart-Token");
        assertThat(guestToken).isNotBlank();
        Api.Response guestView =
                api.send("GET", "/api/v1/products/" + lamp, null, null, null, Map.of("X-Cart-Token", guestToken));
        assertThat(guestView.status()).isEqualTo(200);
        api.get("/api/v1/products/" + lamp, null); // an anonymous visitor without a cart is not recorded

        await().atMost(REFRESHED).until(() -> views(lamp) == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM user_behavior WHERE event_type = 'view' AND product_id = :product "
                                + "AND user_id = :user")
                        .param("product", UUID.fromString(lamp))
                        .param("user", shopper.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String guestKey = jdbc.sql("SELECT metadata ->> 'guest' FROM user_behavior WHERE event_type = 'view' "
                        + "AND product_id = :product AND user_id IS NULL")
                .param("product", UUID.fromString(lamp))
                .query(String.class)
                .single();
        assertThat(guestKey).isNotBlank().doesNotContain(guestToken);

        // the event publication log may deliver a batch again: no view is counted twice
        List<ProductViewsRecorded.View> recorded = new ArrayList<>();
        jdbc.sql("SELECT event_key, user_id, metadata ->> 'guest' AS guest, created_at FROM user_behavior "
                        + "WHERE event_type = 'view' AND product_id = :product")
                .param("product", UUID.fromString(lamp))
                .query((rs, n) -> recorded.add(new ProductViewsRecorded.View(
                        UUID.fromString(rs.getString("event_key").substring("view:".length())),
                        UUID.fromString(lamp),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("guest"),
                        Instant.now())))
                .list();
        ProductViewsRecorded again = new ProductViewsRecorded(UUID.randomUUID(), recorded);
        publishInTransaction(again);
        await().atMost(REFRESHED).until(() -> timesHandled(again) > 0);
        assertThat(views(lamp)).isEqualTo(2);
    }

    @Test
    void purchasesOfCancelledOrdersStopCounting() {
        String chair = product("Cancelled Chair", "80.00");
        SignedInUser shopper = registerCustomer();
        String order = orderProducts(shopper, Map.of(chair, 1));
        awaitPurchases(List.of(chair), 1);
        Api.Response cancelled = api.post("/api/v1/orders/" + order + "/cancel", Map.of(), shopper.accessToken());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        await().atMost(REFRESHED)
                .until(() -> jdbc.sql("SELECT count(*) FROM user_behavior WHERE event_type = 'purchase' "
                                        + "AND product_id = :product AND metadata ->> 'cancelled' = 'true'")
                                .param("product", UUID.fromString(chair))
                                .query(Long.class)
                                .single()
                        == 1);
        retrain();
        assertThat(ids(api.get("/api/v1/recommendations?type=popular&limit=50&category=" + category, null)
                        .data()))
                .doesNotContain(chair);
    }

    private JsonNode recommendations(SignedInUser user, String type, int limit) {
        Api.Response response = api.get("/api/v1/recommendations?type=" + type + "&limit=" + limit, user.accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private static List<String> ids(JsonNode data) {
        return data.path("recommendations")
                .valueStream()
                .map(item -> item.path("product").path("id").asString())
                .toList();
    }

    private static JsonNode item(JsonNode data, String productId) {
        return data.path("recommendations")
                .valueStream()
                .filter(item -> item.path("product").path("id").asString().equals(productId))
                .findFirst()
                .orElseThrow();
    }

    private void retrain() {
        Api.Response refreshed = api.post("/api/v1/admin/recommendations/refresh", Map.of(), admin.accessToken());
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    }

    private void awaitPurchases(List<String> products, long rows) {
        await().atMost(REFRESHED).until(() -> BehaviourRows.purchases(jdbc, products) == rows);
    }

    private long storedRows(SignedInUser user) {
        return jdbc.sql("SELECT count(*) FROM user_recommendations WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    private long views(String product) {
        return jdbc.sql("SELECT count(*) FROM user_behavior WHERE event_type = 'view' AND product_id = :product")
                .param("product", UUID.fromString(product))
                .query(Long.class)
                .single();
    }

    private String product(String title, String price) {
        return newProduct(admin, category, title, price, 100);
    }
}
