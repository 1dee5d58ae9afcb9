package dev.bazaar.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a Redis server configured, every cache the modules use lives in Redis under the design's keys and
 * lifetimes, and what a module cached reads back as it was: each test asks through the API twice and checks the
 * second answer came from Redis (a change made behind the cache's back is not seen, or the key was read without
 * being dropped as unreadable).
 */
@TestPropertySource(
        properties = {
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-redis-cache-test",
            // generous: this test checks what is cached, not how a slow server is handled (RedisOutageTest)
            "spring.data.redis.timeout=5s",
            "spring.data.redis.connect-timeout=5s"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisCacheTest extends IntegrationTest {

    static final RedisTestServer redis = RedisTestServer.start();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        redis.configure(registry);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedisGuard guard;

    @Autowired
    CacheManager caches;

    SignedInUser admin;
    String category;

    @BeforeEach
    void catalog() {
        admin = signInAsAdmin();
        category = newCategory(admin, "redis");
    }

    @AfterEach
    void nothingWentWrongWithRedis() {
        assertThat(guard.failures()).as("failed Redis calls").isZero();
        assertThat(guard.droppedEntries())
                .as("cache entries that did not read back")
                .isZero();
    }

    @Test
    void theCacheManagerKeepsItsCachesInRedis() {
        assertThat(caches.getCache("product").getNativeCache())
                .isInstanceOf(org.springframework.data.redis.cache.RedisCacheWriter.class);
    }

    @Test
    void productDetailsAreCachedUnderProductIdForFiveMinutes() {
        String id = newProduct(admin, category, "Redis Kettle", "10.00", 5);
        Api.Response first = api.get("/api/v1/products/" + id, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(redis.keys("product:" + id)).hasSize(1);
        assertThat(redis.ttlSeconds("product:" + id)).isBetween(280L, 300L);

        jdbc.sql("UPDATE products SET price = 99.00 WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        Api.Response second = api.get("/api/v1/products/" + id, null);
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.data().path("price").decimalValue()).isEqualByComparingTo("10.00");

        Api.Response updated =
                api.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("12.50")), admin.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/products/" + id, null).data().path("price").decimalValue())
                .isEqualByComparingTo("12.50");
    }

    @Test
    void listingPagesAndCountsAreCachedUnderProducts() {
        String id = newProduct(admin, category, "Redis Listed Lamp", "20.00", 5);
        String elsewhere = newCategory(admin, "redis-elsewhere"); // a category change clears listings
        Api.Response first = api.get("/api/v1/products?category=" + category, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("pagination").path("total").asLong()).isEqualTo(1);
        assertThat(redis.keys("products:page:*")).isNotEmpty();
        assertThat(redis.keys("products:count:*")).isNotEmpty();

        jdbc.sql("UPDATE products SET category_id = (SELECT id FROM categories WHERE slug = :slug) WHERE id = :id")
                .param("slug", elsewhere)
                .param("id", UUID.fromString(id))
                .update();
        Api.Response second = api.get("/api/v1/products?category=" + category, null);
        assertThat(second.data().path("pagination")).isEqualTo(first.data().path("pagination"));
        assertThat(second.data().path("products").get(0).path("id").asString()).isEqualTo(id);
    }

    @Test
    void searchHitsAreCachedUnderSearchQueryForTenMinutes() {
        String word = "redisword"
                + (UUID.randomUUID() + "" + UUID.randomUUID())
                        .replaceAll("[^a-f]", "")
                        .substring(0, 12);
        String id = newProduct(admin, category, "Lantern " + word, "15.00", 5);
        String path = "/api/v1/products/search?q=" + word;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(path, null)
                                .data()
                                .path("pagination")
                                .path("total")
                                .asLong()
                        == 1);
        Api.Response first = api.get(path, null);
        assertThat(first.data().path("products").get(0).path("id").asString()).isEqualTo(id);
        String key = redis.keys("search:query:*" + word + "*").getFirst();
        assertThat(redis.ttlSeconds(key)).isBetween(580L, 600L);

        Api.Response second = api.get(path, null);
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.data().path("facets").path("priceRanges")).isNotEmpty();
    }

    @Test
    void aSignedInCartIsCachedUnderCartUserForAnHourRenewedOnEachRead() {
        String product = newProduct(admin, category, "Redis Mug", "8.50", 10);
        SignedInUser shopper = registerCustomer();
        Api.Response added =
                api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 2), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Api.Response first = api.get("/api/v1/cart", shopper.accessToken());
        String key = "cart:user:" + shopper.id();
        assertThat(redis.keys(key)).hasSize(1);
        assertThat(redis.ttlSeconds(key)).isBetween(3580L, 3600L);

        jdbc.sql("UPDATE cart_items SET quantity = 7 WHERE product_id = :product")
                .param("product", UUID.fromString(product))
                .update();
        redis.commands(commands -> commands.expire(key, 100));
        Api.Response second = api.get("/api/v1/cart", shopper.accessToken());
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.data().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(redis.ttlSeconds(key)).as("renewed by the read").isGreaterThan(3500L);

        Api.Response changed = api.send(
                "PUT",
                "/api/v1/cart/items/"
                        + first.data().path("items").get(0).path("id").asString(),
                shopper.accessToken(),
                "application/json",
                Api.json(Map.of("quantity", 3)),
                Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/cart", shopper.accessToken())
                        .data()
                        .path("items")
                        .get(0)
                        .path("quantity")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void productsBoughtTogetherAreCachedUnderRecProductFbtForAnHour() {
        String teapot = newProduct(admin, category, "Redis Teapot", "30.00", 10);
        String cups = newProduct(admin, category, "Redis Cups", "12.00", 10);
        for (int order = 0; order < 2; order++) {
            String orderId = UUID.randomUUID().toString();
            for (String product : new String[] {teapot, cups}) {
                jdbc.sql("INSERT INTO user_behavior (product_id, event_type, metadata) "
                                + "VALUES (:product, 'purchase', CAST(:metadata AS jsonb))")
                        .param("product", UUID.fromString(product))
                        .param("metadata", "{\"orderId\": \"" + orderId + "\"}")
                        .update();
            }
        }
        assertThat(api.post("/api/v1/admin/recommendations/refresh", Map.of(), admin.accessToken())
                        .status())
                .isEqualTo(200);
        String path = "/api/v1/products/" + teapot + "/frequently-bought-together";
        Api.Response first = api.get(path, null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode suggested = first.data().path("products");
        assertThat(suggested.get(0).path("id").asString()).isEqualTo(cups);
        String key = "rec:product:" + teapot + ":fbt";
        assertThat(redis.keys(key)).hasSize(1);
        assertThat(redis.ttlSeconds(key)).isBetween(3580L, 3600L);

        Api.Response second = api.get(path, null);
        assertThat(second.data()).isEqualTo(first.data());
    }
}
