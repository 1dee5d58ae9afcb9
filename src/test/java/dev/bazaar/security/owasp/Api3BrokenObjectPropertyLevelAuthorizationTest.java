package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API3:2023 Broken Object Property Level Authorization. Mass assignment: request bodies are records read with
 * unknown properties refused, so a client cannot set a property the server owns (role, id, price, status, owner,
 * totals, ratings, verified purchase); each attempt is a 400 and the object read back is unchanged. Excessive
 * exposure: answers carry no password hash, no other user's email, no card token.
 */
class Api3BrokenObjectPropertyLevelAuthorizationTest extends OwaspApiTest {

    @Test
    void registeringCannotChooseTheRole() {
        String email = "mass-" + UUID.randomUUID() + "@example.com";
        Api.Response response = api.post(
                "/api/v1/auth/register",
                Map.of("email", email, "name", "Mallory", "password", "long enough password 42", "role", "ADMIN"),
                null);
        assertUnknownField(response);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "long enough password 42"), null)
                        .status())
                .as("no account was created")
                .isEqualTo(401);
    }

    @Test
    void theProfileCannotSetRoleIdEmailOrTimestamps() {
        SignedInUser customer = registerCustomer();
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "role", "ADMIN",
                        "id", UUID.randomUUID().toString(),
                        "email", "someone-else@example.com",
                        "createdAt", "2000-01-01T00:00:00Z")
                .entrySet()) {
            Api.Response response = api.put(
                    "/api/v1/users/me",
                    Map.of("name", "Changed", field.getKey(), field.getValue()),
                    customer.accessToken());
            assertUnknownField(response);
        }
        Api.Response me = api.get("/api/v1/users/me", customer.accessToken());
        assertThat(me.data().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(me.data().path("email").asString()).isEqualTo(customer.email());
        assertThat(me.data().path("name").asString()).isEqualTo("Test Customer");
    }

    @Test
    void theCartCannotSetItsOwnPrice() {
        String product = newProduct("49.99");
        SignedInUser shopper = registerCustomer();
        Api.Response response = api.post(
                "/api/v1/cart/items",
                Map.of("productId", product, "quantity", 1, "price", 0.01),
                shopper.accessToken());
        assertUnknownField(response);
        assertThat(quantityInCart(shopper, product)).isZero();
    }

    @Test
    void anOrderCannotSetItsStatusTotalOrOwner() {
        String product = newProduct("15.00");
        SignedInUser shopper = registerCustomer();
        SignedInUser victim = registerCustomer();
        addToCart(shopper, product, 1);
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "status",
                        "DELIVERED",
                        "paymentStatus",
                        "PAID",
                        "total",
                        0.01,
                        "userId",
                        victim.id().toString())
                .entrySet()) {
            Map<String, Object> body = new HashMap<>(cardOrder("tok_visa"));
            body.put(field.getKey(), field.getValue());
            assertUnknownField(placeOrder(shopper, UUID.randomUUID().toString(), body));
        }
        assertThat(api.get("/api/v1/orders", shopper.accessToken())
                        .data()
                        .path("orders")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/orders", victim.accessToken())
                        .data()
                        .path("orders")
                        .size())
                .isZero();
        assertThat(quantityInCart(shopper, product)).isEqualTo(1);
    }

    @Test
    void aReviewCannotClaimVerifiedPurchaseVotesOrAnotherAuthor() {
        String product = newProduct("9.00");
        SignedInUser author = registerCustomer();
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "verifiedPurchase",
                        true,
                        "helpfulCount",
                        1000,
                        "userId",
                        UUID.randomUUID().toString())
                .entrySet()) {
            Api.Response response = api.post(
                    "/api/v1/products/" + product + "/reviews",
                    Map.of("rating", 5, field.getKey(), field.getValue()),
                    author.accessToken());
            assertUnknownField(response);
        }
        assertThat(api.get("/api/v1/products/" + product + "/reviews", null)
                        .data()
                        .path("reviews")
                        .size())
                .isZero();
    }

    @Test
    void aSellerCannotSetTheSellerRatingOrIdOfAProduct() {
        SignedInUser seller = registerSeller();
        String category = newCategory(signInAsAdmin(), "owasp-mass");
        for (Map.Entry<String, Object> field : Map.<String, Object>of(
                        "sellerId",
                        UUID.randomUUID().toString(),
                        "rating",
                        5,
                        "reviewCount",
                        999,
                        "id",
                        UUID.randomUUID().toString())
                .entrySet()) {
            Api.Response response = api.post(
                    "/api/v1/products",
                    Map.of("title", "Mass", "price", 5, "category", category, field.getKey(), field.getValue()),
                    seller.accessToken());
            assertUnknownField(response);
        }
        assertThat(api.get("/api/v1/products?category=" + category, null)
                        .data()
                        .path("products")
                        .size())
                .isZero();
    }

    @Test
    void answersDoNotExposeSecretsOrOtherUsersData() {
        String product = newProduct("11.00");
        SignedInUser author = registerCustomer();
        assertThat(api.post("/api/v1/products/" + product + "/reviews", Map.of("rating", 4), author.accessToken())
                        .status())
                .isEqualTo(201);
        String orderId = orderProducts(author, Map.of(product, 1));

        Api.Response me = api.get("/api/v1/users/me", author.accessToken());
        Api.Response reviews = api.get("/api/v1/products/" + product + "/reviews", null);
        Api.Response details = api.get("/api/v1/products/" + product, null);
        Api.Response order = api.get("/api/v1/orders/" + orderId, author.accessToken());
        Api.Response users =
                api.get("/api/v1/admin/users?limit=100", signInAsAdmin().accessToken());
        for (Api.Response response : new Api.Response[] {me, reviews, details, order, users}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body().toLowerCase())
                    .doesNotContain("password", "argon2", "tok_visa", "refresh_token", "token_hash");
        }
        assertThat(reviews.body()).doesNotContain(author.email());
        assertThat(details.body()).doesNotContain(author.email());
    }

    /** A property the server owns is refused by name: 400, "unknown field". */
    private static void assertUnknownField(Api.Response response) {
        assertRefused(response, 400, "VALIDATION_FAILED");
        assertThat(response.error().path("details").get(0).path("message").asString())
                .isEqualTo("unknown field");
    }
}
