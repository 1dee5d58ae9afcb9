package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API4:2023 Unrestricted Resource Consumption. Nothing a client sends makes the server do unbounded work: every
 * list has a maximum page size and page number, every text and list in a body a maximum length, a JSON body at
 * most {@code bazaar.web.max-body-size} (1 MB) and an image upload {@code bazaar.media.max-upload-size} (10 MB),
 * a cart line at most 99 units. Each excess is refused before any work, and nothing is written. The per-caller
 * rate limits are covered by {@code platform.RateLimitTest} (this run's budgets are raised for the tests).
 */
class Api4UnrestrictedResourceConsumptionTest extends OwaspApiTest {

    @Test
    void everyListBoundsItsPageSizeAndPageNumber() {
        SignedInUser customer = registerCustomer();
        String admin = signInAsAdmin().accessToken();
        String product = newProduct("3.00");
        Map<String, String> tooMuch = Map.of(
                "/api/v1/products?limit=101",
                "",
                "/api/v1/products?page=100001",
                "",
                "/api/v1/products/search?q=mug&limit=101",
                "",
                "/api/v1/products/search?q=mug&page=10001",
                "",
                "/api/v1/products/suggest?q=mu&limit=21",
                "",
                "/api/v1/products/" + product + "/reviews?limit=101",
                "",
                "/api/v1/recommendations?type=popular&limit=51",
                "",
                "/api/v1/orders?limit=101",
                customer.accessToken(),
                "/api/v1/admin/users?limit=1000",
                admin,
                "/api/v1/admin/notifications?limit=501",
                admin);
        tooMuch.forEach((path, token) -> {
            Api.Response response = api.get(path, token.isEmpty() ? null : token);
            assertRefused(response, 400, "VALIDATION_FAILED");
        });
        assertThat(api.get("/api/v1/products?limit=100", null).status()).isEqualTo(200);
    }

    @Test
    void longSearchTextIsRefused() {
        assertRefused(api.get("/api/v1/products/search?q=" + "a".repeat(201), null), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/products/suggest?q=" + "a".repeat(101), null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedUnreadAndChangesNothing() {
        SignedInUser customer = registerCustomer();
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Response response =
                api.send("PUT", "/api/v1/users/me", customer.accessToken(), "application/json", huge, Map.of());
        assertRefused(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(api.get("/api/v1/users/me", customer.accessToken())
                        .data()
                        .path("name")
                        .asString())
                .isEqualTo("Test Customer");
    }

    @Test
    void listsAndQuantitiesInBodiesAreBounded() {
        SignedInUser customer = registerCustomer();
        String product = newProduct("2.00");
        assertRefused(
                api.post("/api/v1/cart/items", Map.of("productId", product, "quantity", 100), customer.accessToken()),
                400,
                "VALIDATION_FAILED");
        assertThat(quantityInCart(customer, product)).isZero();

        Map<String, Object> address =
                Map.of("recipient", "A", "line1", "1 Road", "city", "York", "postalCode", "YO1 1AA", "country", "GB");
        Api.Response eleven = api.put(
                "/api/v1/users/me", Map.of("addresses", Collections.nCopies(11, address)), customer.accessToken());
        assertRefused(eleven, 400, "VALIDATION_FAILED");
        assertThat(api.get("/api/v1/users/me", customer.accessToken())
                        .data()
                        .path("addresses")
                        .size())
                .isZero();

        Api.Response longComment = api.post(
                "/api/v1/products/" + product + "/reviews",
                Map.of("rating", 3, "comment", "y".repeat(100_000)),
                customer.accessToken());
        assertRefused(longComment, 400, "VALIDATION_FAILED");
    }

    @Test
    void anImageUploadOverTheLimitIsRefusedAndStoresNothing() {
        String product = newProduct("5.00");
        byte[] eleven = new byte[11 * 1024 * 1024];
        eleven[0] = (byte) 0xFF;
        eleven[1] = (byte) 0xD8;
        Api.Response response = api.upload(
                "/api/v1/products/" + product + "/images",
                "file",
                "big.jpg",
                "image/jpeg",
                eleven,
                signInAsAdmin().accessToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().path("success").asBoolean(true)).isFalse();
        assertThat(api.get("/api/v1/products/" + product + "/images", null)
                        .data()
                        .size())
                .isZero();
        assertThat(response.body()).doesNotContain("Exception");
    }
}
