package dev.bazaar.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.awt.image.BufferedImage;
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
        SignedInUser seller = store.newSeller(admin);
        String product =
                store.product("Enamel mug", "9.99").in(category).stock(5).idCreatedBy(seller);
        return new SellerProduct(seller, product, category);
    }

    /** The product's own seller uploads a picture of it. */
    Api.Response upload(SellerProduct product, String fileName, String contentType, byte[] content) {
        return upload(product.productId(), product.seller().accessToken(), fileName, contentType, content);
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
