package dev.bazaar.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redis is a speed-up, never a dependency: with the server killed or hung, product details, carts and search
 * keep answering with correct data from the database, rate limits fall back to this instance, and once Redis is
 * back caching resumes, without serving anything that went stale while it was away.
 */
@TestPropertySource(
        properties = {
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-redis-outage-test",
            "spring.data.redis.timeout=1s",
            "spring.data.redis.connect-timeout=1s",
            "bazaar.redis.circuit-breaker.minimum-number-of-calls=4",
            "bazaar.redis.circuit-breaker.sliding-window-size=8",
            "bazaar.redis.circuit-breaker.open-duration=1s",
            // far above a healthy local call even on a loaded machine, far below the pauses the test causes
            "bazaar.redis.circuit-breaker.slow-call-duration=300ms",
            // a request makes a few Redis calls and a pause slows only the first of them
            "bazaar.redis.circuit-breaker.slow-call-rate-threshold=25",
            "bazaar.redis.max-reconnect-delay=200ms"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisOutageTest extends IntegrationTest {

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
    RedisGuard guard;

    SignedInUser admin;
    SignedInUser shopper;
    String word;
    String product;
    String cartItem;

    @BeforeEach
    void aProductInACartAndInTheSearchIndex() {
        admin = signInAsAdmin();
        String category = newCategory(admin, "outage");
        word = "outageword"
                + (UUID.randomUUID() + "" + UUID.randomUUID())
                        .replaceAll("[^a-f]", "")
                        .substring(0, 12);
        product = newProduct(admin, category, "Lamp " + word, "10.00", 20);
        shopper = registerCustomer();
        cartItem = store.addToCart(shopper, product, 2)
                .data()
                .path("cartItem")
                .path("id")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search().path("pagination").path("total").asLong() == 1);
        // whatever an earlier test did to Redis, it now answers and the breaker lets calls through
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            productDetails();
            return guard.state() == CircuitBreaker.State.CLOSED;
        });
    }

    @Test
    void theStoreServesFromTheDatabaseWhileRedisIsDownAndCachesAgainWithoutStaleDataWhenItIsBack() {
        assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(quantityInCart()).isEqualTo(2);
        assertThat(searchedIds()).containsExactly(product);
        assertThat(redis.keys("product:" + product)).hasSize(1);
        assertThat(redis.keys("cart:user:" + shopper.id())).hasSize(1);
        assertThat(redis.keys("search:query:*" + word + "*")).hasSize(1);

        redis.saveAndStop(); // the data file keeps price 10.00 and quantity 2 for when it comes back

        assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(quantityInCart()).isEqualTo(2);
        assertThat(searchedIds()).containsExactly(product);
        Api.Response repriced =
                api.put("/api/v1/products/" + product, Map.of("price", new BigDecimal("12.00")), admin.accessToken());
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
        Api.Response requantified = api.send(
                "PUT",
                "/api/v1/cart/items/" + cartItem,
                shopper.accessToken(),
                "application/json",
                Api.json(Map.of("quantity", 3)),
                Map.of());
        assertThat(requantified.status()).as(requantified.toString()).isEqualTo(200);
        assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(quantityInCart()).isEqualTo(3);
        assertThat(cart().path("subtotal").decimalValue()).isEqualByComparingTo("36.00");
        assertThat(searchedIds()).containsExactly(product);

        // a dead Redis is soon not called at all
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            productDetails();
            return guard.state() == CircuitBreaker.State.OPEN;
        });
        long skippedBefore = guard.skipped();
        assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(guard.skipped()).isGreaterThan(skippedBefore);

        redis.startAgain(); // with the old entries: product:{id} at 10.00, the cart with 2

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("12.00");
            assertThat(quantityInCart()).isEqualTo(3);
            assertThat(redis.get("product:" + product)).contains("12.00");
            assertThat(redis.get("cart:user:" + shopper.id())).contains("\"quantity\":3");
        });
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(searchedIds()).containsExactly(product);
    }

    @Test
    void aHungRedisDoesNotHoldRequestsLongerThanItsTimeout() {
        productDetails();
        quantityInCart();
        long failuresBefore = guard.failures();
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            // Redis stops answering for longer than a client waits for a response (30 s): a request that waited
            // for Redis would fail here
            connection
                    .async()
                    .dispatch(
                            CommandType.DEBUG,
                            new StatusOutput<>(StringCodec.UTF8),
                            new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(40));
            await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> {
                assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("10.00");
                assertThat(quantityInCart()).isEqualTo(2);
                assertThat(searchedIds()).containsExactly(product);
                assertThat(guard.failures()).isGreaterThan(failuresBefore);
            });
        } finally {
            redis.stop();
            redis.startAgain();
            client.shutdown();
        }
    }

    @Test
    void aRedisThatAnswersButTooSlowlyIsGivenARestLikeAFailingOne() {
        long failuresBefore = guard.failures();
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            // every command waits ~600 ms, then succeeds: slower than the 300 ms threshold, within the 1 s timeout
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                connection.sync().clientPause(600);
                assertThat(productDetails().path("price").decimalValue()).isEqualByComparingTo("10.00");
                return guard.state() == CircuitBreaker.State.OPEN;
            });
            assertThat(guard.failures())
                    .as("opened by slowness, not by failures")
                    .isEqualTo(failuresBefore);
            long skippedBefore = guard.skipped();
            assertThat(quantityInCart()).isEqualTo(2);
            assertThat(guard.skipped()).isGreaterThan(skippedBefore);
        } finally {
            client.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            productDetails();
            return guard.state() == CircuitBreaker.State.CLOSED;
        });
    }

    private JsonNode productDetails() {
        Api.Response response = api.get("/api/v1/products/" + product, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private JsonNode cart() {
        Api.Response response = api.get("/api/v1/cart", shopper.accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private int quantityInCart() {
        return cart().path("items").get(0).path("quantity").asInt();
    }

    private JsonNode search() {
        Api.Response response = api.get("/api/v1/products/search?q=" + word, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private java.util.List<String> searchedIds() {
        return search().path("products")
                .valueStream()
                .map(node -> node.path("id").asString())
                .toList();
    }
}
