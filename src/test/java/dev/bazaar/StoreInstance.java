package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the application started by a test on a data directory of its own (its own embedded PostgreSQL and
 * search index), for fault tests that stop it and start another on the same data (a crash and a restart), as an
 * operator would with {@code ./bazaar start}. Waits until the instance is ready.
 */
public final class StoreInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;

    private StoreInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api =
                new Api(((WebServerApplicationContext) context).getWebServer().getPort());
        api.awaitReadiness(Duration.ofSeconds(180));
    }

    /** A fresh data directory under target/. */
    public static Path newDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the application (profile "test") on {@code dataDir}, with extra {@code --key=value} arguments. */
    public static StoreInstance start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--bazaar.data-dir=" + dataDir.toAbsolutePath(),
                "--bazaar.admin.email=" + IntegrationTest.ADMIN_EMAIL));
        args.addAll(List.of(arguments));
        return new StoreInstance(new SpringApplicationBuilder(BazaarApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new)));
    }

    public Api api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    // a shopper's and an admin's steps, as IntegrationTest has them

    public Shopper signInAsAdmin() {
        return signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    public Shopper registerCustomer() {
        String email = "fault-" + UUID.randomUUID() + "@example.com";
        String password = "long enough password " + UUID.randomUUID();
        Api.Response response = api.post(
                "/api/v1/auth/register", Map.of("email", email, "name", "Fault Shopper", "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return signIn(email, password);
    }

    public Shopper signIn(String email, String password) {
        Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Shopper(
                UUID.fromString(response.data().path("user").path("id").asString()),
                response.data().path("tokens").path("accessToken").asString());
    }

    /** A new category and an active product in it with {@code stock} units; returns the product's id. */
    public String newProduct(Shopper admin, String title, String price, int stock) {
        String slug = "fault-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response category = api.post("/api/v1/categories", Map.of("name", slug, "slug", slug), admin.token());
        assertThat(category.status()).as(category.toString()).isEqualTo(201);
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of("title", title, "price", new BigDecimal(price), "category", slug, "stock", stock),
                admin.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().path("id").asString();
    }

    public void addToCart(Shopper shopper, String product, int quantity) {
        Api.Response added =
                api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", quantity), shopper.token());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    public Api.Response placeOrder(Shopper shopper, String idempotencyKey, String cardToken) {
        return api.send(
                "POST",
                "/api/v1/orders",
                shopper.token(),
                "application/json",
                Api.json(cardOrder(cardToken)),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The shopper's orders, newest first (the summaries). */
    public List<tools.jackson.databind.JsonNode> orders(Shopper shopper) {
        return api.get("/api/v1/orders?limit=100", shopper.token())
                .data()
                .path("orders")
                .valueStream()
                .toList();
    }

    public tools.jackson.databind.JsonNode order(Shopper shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId, shopper.token()).data();
    }

    /** The admin's view of a product's stock: onHand, reserved, available. */
    public tools.jackson.databind.JsonNode stock(Shopper admin, String product) {
        return api.get("/api/v1/admin/inventory/" + product, admin.token()).data();
    }

    public static Map<String, Object> cardOrder(String cardToken) {
        Map<String, Object> body = new HashMap<>();
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
        body.put("cardToken", cardToken);
        return body;
    }

    /** A signed-in user: id and access token. */
    public record Shopper(UUID id, String token) {}
}
