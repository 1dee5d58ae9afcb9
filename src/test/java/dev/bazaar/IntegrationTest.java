package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Base of the HTTP integration tests: the whole application on a random port, on a real embedded PostgreSQL
 * server in a fresh data directory shared by every test of the run. Tests create their own users with unique
 * emails, so they do not depend on each other.
 */
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = IntegrationTest.ADMIN_EMAIL_PROPERTY)
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@bazaar.test";
    public static final String ADMIN_PASSWORD = "admin test password 1";
    static final String ADMIN_EMAIL_PROPERTY = "bazaar.admin.email=" + ADMIN_EMAIL;

    static {
        TestDataDirectory.useFreshDirectoryForThisRun();
    }

    @LocalServerPort
    protected int port;

    protected Api api;

    /** Also called by test classes that Spring's JUnit Jupiter extension does not run (jqwik properties). */
    @BeforeEach
    protected void connect() {
        api = new Api(port);
        // tests start once the instance is ready, as a load balancer would send them: the search index built
        api.awaitReadiness(java.time.Duration.ofSeconds(120));
    }

    protected SignedInUser registerCustomer() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "long enough password " + UUID.randomUUID();
        Api.Response response = api.post(
                "/api/v1/auth/register", Map.of("email", email, "name", "Test Customer", "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return signIn(email, password);
    }

    protected SignedInUser signIn(String email, String password) {
        Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return SignedInUser.from(email, password, response.data());
    }

    protected SignedInUser signInAsAdmin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A top-level category whose slug ({@code prefix} + random) belongs to this test alone. */
    protected String newCategory(SignedInUser admin, String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/categories", Map.of("name", slug, "slug", slug), admin.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    /** An active product in {@code category} with {@code stock} units; returns its id. */
    protected String newProduct(SignedInUser admin, String category, String title, String price, int stock) {
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of("title", title, "price", new java.math.BigDecimal(price), "category", category, "stock", stock),
                admin.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().path("id").asString();
    }

    /** The body of a card order to a fixed test address; no card token when {@code cardToken} is null. */
    protected static Map<String, Object> cardOrder(String cardToken) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put(
                "shippingAddress",
                Map.of(
                        "recipient",
                        "Ada Shopper",
                        "line1",
                        "1 High Street",
                        "city",
                        "London",
                        "postalCode",
                        "N1 9GU",
                        "country",
                        "GB"));
        body.put("paymentMethod", "CARD");
        if (cardToken != null) {
            body.put("cardToken", cardToken);
        }
        return body;
    }

    /** {@code POST /orders} with an Idempotency-Key. */
    protected Api.Response placeOrder(SignedInUser shopper, String idempotencyKey, Map<String, Object> body) {
        return api.send(
                "POST",
                "/api/v1/orders",
                shopper.accessToken(),
                "application/json",
                Api.json(body),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Fills the shopper's cart with the quantities and places a paid card order; returns the order's id. */
    protected String orderProducts(SignedInUser shopper, Map<String, Integer> quantities) {
        quantities.forEach((product, quantity) -> {
            Api.Response added = api.post(
                    "/api/v1/cart/items", Map.of("productId", product, "quantity", quantity), shopper.accessToken());
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        });
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.data().path("id").asString();
    }

    /** A user as a client holds them after signing in. */
    public record SignedInUser(UUID id, String email, String password, String accessToken, String refreshToken) {

        static SignedInUser from(String email, String password, JsonNode data) {
            return new SignedInUser(
                    UUID.fromString(data.path("user").path("id").asString()),
                    email,
                    password,
                    data.path("tokens").path("accessToken").asString(),
                    data.path("tokens").path("refreshToken").asString());
        }
    }

    /** One data directory (embedded PostgreSQL, JWT key) per test run, under target/. */
    static final class TestDataDirectory {
        private TestDataDirectory() {}

        static synchronized void useFreshDirectoryForThisRun() {
            if (System.getProperty("bazaar.data-dir") != null) {
                return;
            }
            try {
                Path target = Files.createDirectories(Path.of("target"));
                Path dir = Files.createTempDirectory(target, "test-data-");
                System.setProperty("bazaar.data-dir", dir.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
