package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API1:2023 Broken Object Level Authorization. Every object a shopper owns (cart lines, orders, reviews, the
 * profile and its saved addresses, and a seller's products) is reached by an id in the path or by the caller's
 * token. Another shopper who knows or guesses the id gets 404 (or 403 where the object is public, as a review or
 * a product is: 403) and the owner's object is read back unchanged. The caller is always the token's subject: a
 * {@code user} query parameter naming someone else changes nothing. Payments have no route of their own: a
 * shopper sees a payment only inside their order, so the order tests cover them.
 */
class Api1BrokenObjectLevelAuthorizationTest extends OwaspApiTest {

    @Test
    void anotherShopperCannotChangeOrRemoveMyCartLines() {
        String product = newProduct("12.00");
        SignedInUser owner = registerCustomer();
        SignedInUser other = registerCustomer();
        String line = addToCart(owner, product, 2);

        assertRefused(
                api.put("/api/v1/cart/items/" + line, Map.of("quantity", 99), other.accessToken()), 404, "NOT_FOUND");
        assertRefused(api.delete("/api/v1/cart/items/" + line, other.accessToken()), 404, "NOT_FOUND");
        assertRefused(api.put("/api/v1/cart/items/" + line, Map.of("quantity", 99), null), 404, "NOT_FOUND");

        assertThat(quantityInCart(owner, product)).isEqualTo(2);
        assertThat(quantityInCart(other, product)).isZero();
    }

    @Test
    void anotherShopperCannotReadOrCancelMyOrder() {
        String product = newProduct("20.00");
        SignedInUser owner = registerCustomer();
        SignedInUser other = registerCustomer();
        String order = orderProducts(owner, Map.of(product, 1));

        assertRefused(api.get("/api/v1/orders/" + order, other.accessToken()), 404, "NOT_FOUND");
        assertRefused(api.post("/api/v1/orders/" + order + "/cancel", null, other.accessToken()), 404, "NOT_FOUND");
        Api.Response theirList = api.get("/api/v1/orders?user=" + owner.id(), other.accessToken());
        assertThat(theirList.status()).isEqualTo(200);
        assertThat(theirList.data().path("orders").size()).isZero();

        Api.Response mine = api.get("/api/v1/orders/" + order, owner.accessToken());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.data().path("userId").asString()).isEqualTo(owner.id().toString());
        assertThat(mine.data().path("status").asString()).isNotEqualToIgnoringCase("CANCELLED");
    }

    @Test
    void anotherShopperCannotEditOrDeleteMyReview() {
        String product = newProduct("8.00");
        SignedInUser author = registerCustomer();
        SignedInUser other = registerCustomer();
        Api.Response submitted = api.post(
                "/api/v1/products/" + product + "/reviews",
                Map.of("rating", 5, "comment", "Exactly as described"),
                author.accessToken());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String review = submitted.data().path("id").asString();

        Api.Response edit =
                api.put("/api/v1/reviews/" + review, Map.of("rating", 1, "comment", "defaced"), other.accessToken());
        Api.Response delete = api.delete("/api/v1/reviews/" + review, other.accessToken());
        assertRefused(edit, 404, "NOT_FOUND");
        assertRefused(delete, 404, "NOT_FOUND");

        var reviews =
                api.get("/api/v1/products/" + product + "/reviews", null).data().path("reviews");
        assertThat(reviews.size()).isEqualTo(1);
        assertThat(reviews.get(0).path("rating").asInt()).isEqualTo(5);
        assertThat(reviews.get(0).path("comment").asString()).isEqualTo("Exactly as described");
    }

    @Test
    void theProfileAndItsAddressesAreAlwaysTheCallersOwn() {
        SignedInUser owner = registerCustomer();
        SignedInUser other = registerCustomer();
        Map<String, Object> address = Map.of(
                "recipient",
                "Ada Owner",
                "line1",
                "1 Private Road",
                "city",
                "Leeds",
                "postalCode",
                "LS1 1AA",
                "country",
                "GB");
        assertThat(api.put("/api/v1/users/me", Map.of("addresses", List.of(address)), owner.accessToken())
                        .status())
                .isEqualTo(200);

        Api.Response read = api.get("/api/v1/users/me?user=" + owner.id(), other.accessToken());
        assertThat(read.data().path("id").asString()).isEqualTo(other.id().toString());
        assertThat(read.body()).doesNotContain("1 Private Road", owner.email());
        Api.Response write = api.put(
                "/api/v1/users/me?user=" + owner.id(),
                Map.of("name", "Hijacked", "addresses", List.of()),
                other.accessToken());
        assertThat(write.data().path("id").asString()).isEqualTo(other.id().toString());

        Api.Response ownerNow = api.get("/api/v1/users/me", owner.accessToken());
        assertThat(ownerNow.data().path("name").asString()).isEqualTo("Test Customer");
        assertThat(ownerNow.data().path("addresses").get(0).path("line1").asString())
                .isEqualTo("1 Private Road");
    }

    @Test
    void aSellerCannotChangeOrDeactivateAnotherSellersProductOrItsImages() {
        SignedInUser owner = registerSeller();
        SignedInUser rival = registerSeller();
        String category = newCategory(signInAsAdmin(), "owasp-bola");
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of("title", "Owner's lamp", "price", 30, "category", category, "stock", 5),
                owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String product = created.data().path("id").asString();

        Api.Response repriced = api.put("/api/v1/products/" + product, Map.of("price", 0.01), rival.accessToken());
        Api.Response deactivated = api.delete("/api/v1/products/" + product, rival.accessToken());
        for (Api.Response refused : List.of(repriced, deactivated)) {
            assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
            assertThat(refused.json().path("success").asBoolean(true)).isFalse();
        }
        Api.Response reorder = api.put(
                "/api/v1/products/" + product + "/images/order", Map.of("imageIds", List.of()), rival.accessToken());
        assertThat(reorder.status()).as(reorder.toString()).isIn(403, 404);
        Api.Response deleteImage =
                api.delete("/api/v1/products/" + product + "/images/" + UUID.randomUUID(), rival.accessToken());
        assertThat(deleteImage.status()).as(deleteImage.toString()).isIn(403, 404);

        Api.Response after = api.get("/api/v1/products/" + product, null);
        assertThat(after.data().path("price").decimalValue()).isEqualByComparingTo("30");
        assertThat(after.data().path("active").asBoolean()).isTrue();
    }
}
