package dev.bazaar.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Sellers, products and uploads for the media tests, through the HTTP API. */
abstract class MediaTestSupport extends IntegrationTest {

    /** A seller with a product of their own, in a category of this test. */
    record SellerProduct(SignedInUser seller, String productId, String category) {}

    SellerProduct sellerWithProduct() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "media");
        SignedInUser seller = newSeller(admin);
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of("title", "Enamel mug", "price", new BigDecimal("9.99"), "category", category, "stock", 5),
                seller.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new SellerProduct(seller, created.data().path("id").asString(), category);
    }

    SignedInUser newSeller(SignedInUser admin) {
        SignedInUser user = registerCustomer();
        Api.Response granted =
                api.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "SELLER"), admin.accessToken());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return signIn(user.email(), user.password());
    }

    Api.Response upload(String productId, String token, String fileName, String contentType, byte[] content) {
        return api.upload("/api/v1/products/" + productId + "/images", "file", fileName, contentType, content, token);
    }

    /** Fetches a served size and checks that it is an image that fits in {@code maxSide}, cacheable forever. */
    BufferedImage fetchImmutable(String url, String contentType, int maxSide) {
        Api.Binary served = api.getBytes(url, Map.of());
        assertThat(served.status()).as(url).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith(contentType);
        assertThat(served.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        BufferedImage image = TestImages.decode(served.body());
        assertThat(image).as(url).isNotNull();
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(maxSide);
        return image;
    }

    JsonNode product(String productId) {
        Api.Response details = api.get("/api/v1/products/" + productId, null);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        return details.data();
    }

    /** The product's card as the category listing shows it. */
    JsonNode card(String category, String productId) {
        Api.Response listing = api.get("/api/v1/products?category=" + category, null);
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        for (JsonNode card : listing.data().path("products")) {
            if (card.path("id").asString().equals(productId)) {
                return card;
            }
        }
        throw new AssertionError("no card for " + productId + " in " + listing);
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }
}
