package dev.bazaar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
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

    @Autowired
    private ApplicationContext application;

    /** Users, catalog, carts and orders made through {@link #api}: the set-up every test shares. */
    protected StoreFixture store;

    /** Also called by test classes that Spring's JUnit Jupiter extension does not run (jqwik properties). */
    @BeforeEach
    protected void connect() {
        api = new Api(port);
        store = new StoreFixture(api);
        // tests start once the instance is ready, as a load balancer would send them: the search index built
        api.awaitReadiness(java.time.Duration.ofSeconds(120));
    }

    // the store's steps, made by the fixture; here so that a test reads as its client's steps

    protected SignedInUser registerCustomer() {
        return store.registerCustomer();
    }

    protected SignedInUser signIn(String email, String password) {
        return store.signIn(email, password);
    }

    protected SignedInUser signInAsAdmin() {
        return store.signInAsAdmin();
    }

    /** A top-level category whose slug ({@code prefix} + random) belongs to this test alone. */
    protected String newCategory(SignedInUser admin, String prefix) {
        return store.newCategory(admin, prefix);
    }

    /** An active product in {@code category} with {@code stock} units; returns its id. */
    protected String newProduct(SignedInUser admin, String category, String title, String price, int stock) {
        return store.newProduct(admin, category, title, price, stock);
    }

    /** The body of a card order to a fixed test address; no card token when {@code cardToken} is null. */
    protected static Map<String, Object> cardOrder(String cardToken) {
        return StoreFixture.cardOrder(cardToken);
    }

    /** {@code POST /orders} with an Idempotency-Key. */
    protected Api.Response placeOrder(SignedInUser shopper, String idempotencyKey, Map<String, Object> body) {
        return store.placeOrder(shopper, idempotencyKey, body);
    }

    /** Fills the shopper's cart with the quantities and places a paid card order; returns the order's id. */
    protected String orderProducts(SignedInUser shopper, Map<String, Integer> quantities) {
        return store.orderProducts(shopper, quantities);
    }

    /** Publishes {@code event} as a module does: in a transaction, so through the event publication log. */
    protected void publishInTransaction(Object event) {
        application.getBean(TransactionTemplate.class).executeWithoutResult(tx -> application.publishEvent(event));
    }

    /** How many times a listener finished handling {@code event}: its completed publications. */
    protected long timesHandled(Object event) {
        return application.getBean(CompletedEventPublications.class).findAll().stream()
                .filter(publication -> event.equals(publication.getEvent()))
                .count();
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
