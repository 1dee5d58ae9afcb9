package dev.bazaar.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.BazaarApplication;
import dev.bazaar.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of the store on one database and one Redis server, as behind a load balancer: instance A is
 * this test's application, instance B a second one started beside it. What one instance changes, the other
 * serves at once, because the cache they share is the one that was evicted; and a client's rate limit is one
 * budget across both.
 */
@TestPropertySource(
        properties = {
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-two-instances-a",
            "spring.data.redis.timeout=5s",
            "spring.data.redis.connect-timeout=5s",
            "bazaar.rate-limit.authenticated.capacity=" + TwoInstancesOnOneRedisTest.PER_USER_BUDGET,
            "bazaar.rate-limit.authenticated.period=1h"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoInstancesOnOneRedisTest extends IntegrationTest {

    static final int PER_USER_BUDGET = 20;
    static final RedisTestServer redis = RedisTestServer.start();
    static ConfigurableApplicationContext instanceB;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        redis.configure(registry);
    }

    Api onA;
    Api onB;
    SignedInUser admin;
    String category;

    @BeforeEach
    void twoInstances() {
        if (instanceB == null) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--bazaar.admin.email=" + ADMIN_EMAIL,
                    "--bazaar.search.index-directory=${bazaar.data-dir}/search-index-two-instances-b",
                    "--spring.data.redis.timeout=5s",
                    "--spring.data.redis.connect-timeout=5s",
                    "--bazaar.rate-limit.authenticated.capacity=" + PER_USER_BUDGET,
                    "--bazaar.rate-limit.authenticated.period=1h"));
            redis.springProperties().forEach(property -> arguments.add("--" + property));
            instanceB = new SpringApplicationBuilder(BazaarApplication.class)
                    .profiles("test")
                    .run(arguments.toArray(String[]::new));
        }
        onA = api;
        onB = new Api(((WebServerApplicationContext) instanceB).getWebServer().getPort());
        admin = signInAsAdmin();
        category = newCategory(admin, "two");
    }

    @AfterAll
    static void stopInstanceBAndRedis() {
        if (instanceB != null) {
            instanceB.close();
        }
        redis.close();
    }

    @Test
    void aPriceChangedThroughOneInstanceIsServedByTheOtherAtOnce() {
        String id = newProduct(admin, category, "Shared Kettle", "10.00", 5);
        assertThat(price(onB, id)).isEqualByComparingTo("10.00");
        assertThat(redis.keys("product:" + id)).as("B cached it in Redis").hasSize(1);

        Api.Response updated =
                onA.put("/api/v1/products/" + id, Map.of("price", new BigDecimal("12.00")), admin.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        assertThat(price(onB, id)).isEqualByComparingTo("12.00");
        assertThat(price(onA, id)).isEqualByComparingTo("12.00");
    }

    @Test
    void aCartChangedThroughOneInstanceIsServedByTheOtherAtOnce() {
        String mug = newProduct(admin, category, "Shared Mug", "8.00", 10);
        String plate = newProduct(admin, category, "Shared Plate", "6.00", 10);
        SignedInUser shopper = registerCustomer();
        assertThat(onA.post("/api/v1/cart/items", Map.of("productId", mug, "quantity", 1), shopper.accessToken())
                        .status())
                .isEqualTo(201);
        assertThat(onB.get("/api/v1/cart", shopper.accessToken()).data().path("items"))
                .hasSize(1);
        assertThat(redis.keys("cart:user:" + shopper.id())).hasSize(1);

        assertThat(onA.post("/api/v1/cart/items", Map.of("productId", plate, "quantity", 2), shopper.accessToken())
                        .status())
                .isEqualTo(201);
        Api.Response cart = onB.get("/api/v1/cart", shopper.accessToken());
        assertThat(cart.data().path("items")).hasSize(2);
        assertThat(cart.data().path("subtotal").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void aClientsRateLimitIsOneBudgetAcrossBothInstances() {
        SignedInUser shopper = registerCustomer();
        int half = PER_USER_BUDGET / 2;
        for (int i = 0; i < half; i++) {
            assertThat(onA.get("/api/v1/users/me", shopper.accessToken()).status())
                    .isEqualTo(200);
        }
        Api.Response lastAllowed = null;
        for (int i = 0; i < half; i++) {
            lastAllowed = onB.get("/api/v1/users/me", shopper.accessToken());
            assertThat(lastAllowed.status()).isEqualTo(200);
        }
        assertThat(lastAllowed.header("X-RateLimit-Remaining")).isEqualTo("0");

        Api.Response refused = onA.get("/api/v1/users/me", shopper.accessToken());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error().path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(onB.get("/api/v1/users/me", shopper.accessToken()).status()).isEqualTo(429);
        assertThat(redis.keys("rate-limit:user:" + shopper.id())).hasSize(1);
    }

    private BigDecimal price(Api instance, String productId) {
        Api.Response product = instance.get("/api/v1/products/" + productId, null);
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        return product.data().path("price").decimalValue();
    }
}
