package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API6:2023 Unrestricted Access to Sensitive Business Flows. The flows worth automating against Bazaar are buying
 * (double charges, stock hoarding, coupon farming) and reviewing (rating stuffing, vote inflation). Checkout
 * needs an {@code Idempotency-Key} and a repeated key places and charges one order; a shopper reviews a product
 * once and votes a review helpful once, never their own. The per-shopper hold limits, coupon redemption limits
 * and one-checkout-per-cart rule are covered by {@code order.MoneyAndStockTest}; sign-in guessing by
 * {@code identity.AccountProtectionTest}; account enumeration through registration by
 * {@code identity.RegistrationValidationTest}.
 */
class Api6UnrestrictedAccessToSensitiveBusinessFlowsTest extends OwaspApiTest {

    @Test
    void checkoutWithoutAnIdempotencyKeyIsRefusedAndARepeatedKeyPlacesOneOrder() {
        String product = newProduct("25.00");
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 2);
        Api.Response keyless = send("POST", "/api/v1/orders", shopper.accessToken(), cardOrder("tok_visa"), Map.of());
        assertThat(keyless.status()).as(keyless.toString()).isEqualTo(400);
        assertThat(keyless.json().path("success").asBoolean(true)).isFalse();

        String key = UUID.randomUUID().toString();
        Api.Response first = placeOrder(shopper, key, cardOrder("tok_visa"));
        Api.Response again = placeOrder(shopper, key, cardOrder("tok_visa"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.data().path("id").asString())
                .isEqualTo(first.data().path("id").asString());
        assertThat(api.get("/api/v1/orders", shopper.accessToken())
                        .data()
                        .path("orders")
                        .size())
                .isEqualTo(1);
        int available = api.get(
                        "/api/v1/admin/inventory/" + product, signInAsAdmin().accessToken())
                .data()
                .path("available")
                .asInt();
        assertThat(available).isEqualTo(498);
    }

    @Test
    void aShopperReviewsAProductOnce() {
        String product = newProduct("6.00");
        SignedInUser shopper = registerCustomer();
        String path = "/api/v1/products/" + product + "/reviews";
        assertThat(api.post(path, Map.of("rating", 5), shopper.accessToken()).status())
                .isEqualTo(201);
        assertRefused(api.post(path, Map.of("rating", 5), shopper.accessToken()), 409, "REVIEW_EXISTS");
        assertThat(api.get(path, null).data().path("reviews").size()).isEqualTo(1);
    }

    @Test
    void aReviewIsVotedHelpfulOncePerShopperAndNeverByItsAuthor() {
        String product = newProduct("6.50");
        SignedInUser author = registerCustomer();
        SignedInUser voter = registerCustomer();
        String review = api.post("/api/v1/products/" + product + "/reviews", Map.of("rating", 4), author.accessToken())
                .data()
                .path("id")
                .asString();
        String helpful = "/api/v1/reviews/" + review + "/helpful";

        assertRefused(api.post(helpful, null, author.accessToken()), 422, "OWN_REVIEW");
        assertThat(api.post(helpful, null, voter.accessToken()).status()).isEqualTo(200);
        assertRefused(api.post(helpful, null, voter.accessToken()), 409, "ALREADY_VOTED");
        assertThat(api.get("/api/v1/products/" + product + "/reviews", null)
                        .data()
                        .path("reviews")
                        .get(0)
                        .path("helpfulCount")
                        .asInt())
                .isEqualTo(1);
    }
}
