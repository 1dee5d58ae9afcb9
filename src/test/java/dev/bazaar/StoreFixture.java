package dev.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest.SignedInUser;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The test data every test needs, made through the HTTP API as a client would: customers, the admin, sellers,
 * categories, products, carts and orders. Names and slugs are unique to the call, so tests sharing a database
 * never see each other's data. Each step checks its answer, so a test fails where its set-up went wrong.
 *
 * <p>{@link IntegrationTest} holds one for its instance as {@code store}; {@link StoreInstance} is one.
 */
public class StoreFixture {

    private final Api api;

    public StoreFixture(Api api) {
        this.api = api;
    }

    // people

    public SignedInUser registerCustomer() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "long enough password " + UUID.randomUUID();
        Api.Response response = api.post(
                "/api/v1/auth/register", Map.of("email", email, "name", "Test Customer", "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return signIn(email, password);
    }

    public SignedInUser signIn(String email, String password) {
        Api.Response response = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return SignedInUser.from(email, password, response.data());
    }

    public SignedInUser signInAsAdmin() {
        return signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
    }

    /** Grants SELLER to {@code user}; returns their new sign-in, whose token carries the role. */
    public SignedInUser promoteToSeller(SignedInUser admin, SignedInUser user) {
        Api.Response granted =
                api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "SELLER"), admin.accessToken());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(user.email(), user.password());
    }

    /** A new customer made a seller. */
    public SignedInUser newSeller(SignedInUser admin) {
        return promoteToSeller(admin, registerCustomer());
    }

    // catalog

    /** A top-level category whose slug ({@code prefix} + random) belongs to this test alone; it is named as slugged. */
    public String newCategory(SignedInUser admin, String prefix) {
        String slug = unique(prefix);
        return createCategory(admin, slug, slug, null);
    }

    /** A category named {@code name} under {@code parentSlug} (null: top level); returns its slug, unique to the call. */
    public String category(SignedInUser admin, String name, String parentSlug) {
        return createCategory(
                admin, name, unique(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")), parentSlug);
    }

    private String createCategory(SignedInUser admin, String name, String slug, String parentSlug) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "slug", slug));
        if (parentSlug != null) {
            body.put("parent", parentSlug);
        }
        Api.Response created = api.post("/api/v1/categories", body, admin.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    /** An active product in {@code category} with {@code stock} units and nothing else said; returns its id. */
    public String newProduct(SignedInUser admin, String category, String title, String price, int stock) {
        return product(title, price).in(category).stock(stock).idCreatedBy(admin);
    }

    /** A product to describe further, then create: only what the test says is sent. */
    public NewProduct product(String title, String price) {
        return new NewProduct(title, price);
    }

    /** The admin's view of a product's stock: onHand, reserved, available. */
    public JsonNode stock(SignedInUser admin, String product) {
        Api.Response response = api.get("/api/v1/admin/inventory/" + product, admin.accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    // shopping

    /** Adds to the shopper's cart; returns the answer (it holds the cart item). */
    public Api.Response addToCart(SignedInUser shopper, String product, int quantity) {
        Api.Response added = api.post(
                "/api/v1/cart/items", Map.of("productId", product, "quantity", quantity), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added;
    }

    /** The body of a card order to a fixed test address; no card token when {@code cardToken} is null. */
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
        if (cardToken != null) {
            body.put("cardToken", cardToken);
        }
        return body;
    }

    /** {@code POST /orders} with an Idempotency-Key. */
    public Api.Response placeOrder(SignedInUser shopper, String idempotencyKey, Map<String, Object> body) {
        return api.send(
                "POST",
                "/api/v1/orders",
                shopper.accessToken(),
                "application/json",
                Api.json(body),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Fills the shopper's cart with the quantities and places a paid card order; returns the order's id. */
    public String orderProducts(SignedInUser shopper, Map<String, Integer> quantities) {
        quantities.forEach((product, quantity) -> addToCart(shopper, product, quantity));
        Api.Response placed = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_visa"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.data().path("id").asString();
    }

    /** The shopper's orders, newest first (the summaries). */
    public List<JsonNode> orders(SignedInUser shopper) {
        return api.get("/api/v1/orders?limit=100", shopper.accessToken())
                .data()
                .path("orders")
                .valueStream()
                .toList();
    }

    public JsonNode order(SignedInUser shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId, shopper.accessToken()).data();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A product's fields as {@code POST /products} takes them. */
    public final class NewProduct {

        private final Map<String, Object> body = new LinkedHashMap<>();

        private NewProduct(String title, String price) {
            body.put("title", title);
            body.put("price", new BigDecimal(price));
        }

        public NewProduct in(String category) {
            body.put("category", category);
            return this;
        }

        public NewProduct stock(int units) {
            body.put("stock", units);
            return this;
        }

        public NewProduct brand(String brand) {
            body.put("brand", brand);
            return this;
        }

        public NewProduct description(String description) {
            body.put("description", description);
            return this;
        }

        public NewProduct currency(String currency) {
            body.put("currency", currency);
            return this;
        }

        public NewProduct specifications(Map<String, String> specifications) {
            body.put("specifications", specifications);
            return this;
        }

        /** Creates it as {@code user} (the admin or a seller); returns the product as the API answered. */
        public JsonNode createdBy(SignedInUser user) {
            Api.Response created = api.post("/api/v1/products", body, user.accessToken());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.data();
        }

        /** Creates it as {@code user}; returns its id. */
        public String idCreatedBy(SignedInUser user) {
            return createdBy(user).path("id").asString();
        }
    }
}
