package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.Map;
import java.util.UUID;

/**
 * The shared fixture of the OWASP API Security Top 10 tests: the whole application over HTTP on its real
 * database (see {@link IntegrationTest}), plus the few helpers every item needs (a seller, a product, a cart line,
 * and the assertion that a refusal is the API's error envelope). Each test makes its own users and products.
 */
abstract class OwaspApiTest extends IntegrationTest {

    /** A refusal: the status, {@code success: false}, the error code, as JSON, and no stack trace in the body. */
    static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("success").asBoolean(true)).isFalse();
        assertThat(response.error().path("code").asString())
                .as(response.toString())
                .isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception", "at dev.bazaar", "at org.springframework");
    }

    /** A new account promoted to SELLER by the admin, signed in again so its token carries the role. */
    SignedInUser registerSeller() {
        SignedInUser user = registerCustomer();
        Api.Response granted = api.put(
                "/api/v1/admin/users/" + user.id() + "/role",
                Map.of("role", "SELLER"),
                signInAsAdmin().accessToken());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(user.email(), user.password());
    }

    /** An active product with plenty of stock, in a category of its own; returns its id. */
    String newProduct(String price) {
        SignedInUser admin = signInAsAdmin();
        return newProduct(admin, newCategory(admin, "owasp"), "OWASP product " + UUID.randomUUID(), price, 500);
    }

    /** Adds units of a product to the shopper's cart; returns the new line's id. */
    String addToCart(SignedInUser shopper, String productId, int quantity) {
        Api.Response added = api.post(
                "/api/v1/cart/items", Map.of("productId", productId, "quantity", quantity), shopper.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.data().path("cartItem").path("id").asString();
    }

    /** The quantity of the shopper's cart line for the product (0 when there is none). */
    int quantityInCart(SignedInUser shopper, String productId) {
        Api.Response cart = api.get("/api/v1/cart", shopper.accessToken());
        assertThat(cart.status()).as(cart.toString()).isEqualTo(200);
        for (var item : cart.data().path("items")) {
            if (item.path("product").path("id").asString().equals(productId)) {
                return item.path("quantity").asInt();
            }
        }
        return 0;
    }

    /** A JSON request with a body and extra headers. */
    Api.Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        return api.send(
                method,
                path,
                token,
                body == null ? null : "application/json",
                body == null ? null : Api.json(body),
                headers);
    }
}
