package dev.bazaar.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.BazaarApplication;
import dev.bazaar.platform.security.AccessTokenIssuer;
import dev.bazaar.platform.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo store on first start: the demo catalog and the Online Retail purchase history are loaded, and
 * recommendations are real at once (its own database, as the shared test database is not empty).
 */
class DemoStoreRecommendationsTest {

    /** White Hanging Heart T-Light Holder, the data set's best seller. */
    private static final String HEART_HOLDER = "UCI-85123A";

    @Test
    void theDemoHistoryMakesRecommendationsRealFromTheFirstPage() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-store-");
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--bazaar.data-dir=" + dataDir.toAbsolutePath(),
                        "--bazaar.demo.enabled=true")) {
            Api api =
                    new Api(((WebServerApplicationContext) demo).getWebServer().getPort());
            JdbcClient jdbc = demo.getBean(JdbcClient.class);

            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email LIKE '%@demo.bazaar.local'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(4334);
            assertThat(jdbc.sql("SELECT count(DISTINCT metadata ->> 'orderId') FROM user_behavior "
                                    + "WHERE event_type = 'purchase'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(18399);
            // imported customers have no password: nobody can sign in to them
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    Map.of("email", "customer-17850@demo.bazaar.local", "password", "!"),
                                    null)
                            .status())
                    .isEqualTo(401);

            UUID holder = jdbc.sql("SELECT id FROM products WHERE sku = :sku")
                    .param("sku", HEART_HOLDER)
                    .query(UUID.class)
                    .single();
            JsonNode together = api.get("/api/v1/products/" + holder + "/frequently-bought-together", null)
                    .data()
                    .path("products");
            assertThat(together).isNotEmpty();
            assertThat(together.get(0).path("confidence").asDouble()).isBetween(0.1, 1.0);

            JsonNode similar = api.get("/api/v1/recommendations?type=similar&productId=" + holder, null)
                    .data()
                    .path("recommendations");
            assertThat(similar).hasSize(10);
            assertThat(similar.get(0).path("reason").asString()).isEqualTo("Customers who bought this also bought");
            assertThat(api.get("/api/v1/products/" + holder, null).data().path("relatedProducts"))
                    .isNotEmpty();

            // the customer of the data set's last invoice gets a personal list, none of it bought before
            UUID customer = jdbc.sql("SELECT user_id FROM user_behavior WHERE event_type = 'purchase' "
                            + "ORDER BY created_at DESC LIMIT 1")
                    .query(UUID.class)
                    .single();
            UUID session = jdbc.sql("INSERT INTO auth_sessions (user_id) VALUES (:id) RETURNING id")
                    .param("id", customer)
                    .query(UUID.class)
                    .single();
            String token = demo.getBean(AccessTokenIssuer.class)
                    .issue(customer, Role.CUSTOMER, session)
                    .value();
            JsonNode personal = api.get("/api/v1/recommendations?type=personalized&limit=20", token)
                    .data()
                    .path("recommendations");
            assertThat(personal).hasSize(20);
            assertThat(personal.valueStream().map(item -> item.path("reason").asString()))
                    .anyMatch(reason -> !reason.startsWith("Popular"));
            assertThat(personal.valueStream()
                            .map(item -> item.path("product").path("id").asString()))
                    .noneMatch(id -> jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_behavior WHERE user_id = :user "
                                    + "AND product_id = :product AND event_type = 'purchase')")
                            .param("user", customer)
                            .param("product", UUID.fromString(id))
                            .query(Boolean.class)
                            .single());
        }
    }
}
