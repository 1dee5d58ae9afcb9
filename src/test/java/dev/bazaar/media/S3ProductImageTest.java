package dev.bazaar.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The same uploads on the S3-compatible store, against a real S3 server (S3Mock), with image URLs pointing at the
 * bucket as they would at a CDN in front of it. A context of its own (the media store differs), so a search index of
 * its own too: the shared context holds the default one's lock.
 */
@TestPropertySource(properties = "bazaar.search.index-directory=${bazaar.data-dir}/search-index-s3-media-test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class S3ProductImageTest extends MediaTestSupport {

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry properties) {
        properties.add("bazaar.media.store", () -> "s3");
        properties.add("bazaar.media.s3.endpoint", () -> S3MockServer.get().endpoint());
        properties.add("bazaar.media.s3.bucket", () -> S3MockServer.BUCKET);
        properties.add("bazaar.media.s3.region", () -> "us-east-1");
        properties.add("bazaar.media.s3.access-key", () -> "test-access-key");
        properties.add("bazaar.media.s3.secret-key", () -> "test-secret-key");
        properties.add("bazaar.media.s3.path-style", () -> "true");
        properties.add("bazaar.media.public-base-url", () -> S3MockServer.get().bucketUrl());
        properties.add("bazaar.media.sweep-min-age", () -> "0s");
    }

    @Test
    void aSellersJpegIsStoredInTheBucketInThreeSizesWithImmutableCaching() {
        SellerProduct product = sellerWithProduct();

        Api.Response uploaded = upload(product, "mug.jpg", "image/jpeg", TestImages.jpeg(2400, 1600));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode image = uploaded.data();
        String prefix = S3MockServer.get().bucketUrl() + "/products/" + product.productId() + "/";
        assertThat(image.path("thumbUrl").asString()).startsWith(prefix).endsWith("-thumb.jpg");
        assertThat(fetchImmutable(image.path("thumbUrl").asString(), "image/jpeg", 256)
                        .getWidth())
                .isEqualTo(256);
        assertThat(fetchImmutable(image.path("mediumUrl").asString(), "image/jpeg", 800)
                        .getWidth())
                .isEqualTo(800);
        assertThat(fetchImmutable(image.path("largeUrl").asString(), "image/jpeg", 2000)
                        .getWidth())
                .isEqualTo(2000);

        // the application serves the bucket too, for set-ups without a public bucket or CDN
        String key = image.path("mediumUrl")
                .asString()
                .substring(S3MockServer.get().bucketUrl().length());
        Api.Binary proxied = api.getBytes("/media" + key, Map.of());
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.header("Cache-Control")).contains("immutable");
        assertThat(proxied.header("ETag")).isNotBlank();

        assertThat(card(product.category(), product.productId())
                        .path("imageUrl")
                        .asString())
                .isEqualTo(image.path("thumbUrl").asString());
    }

    @Test
    void validationAndOwnershipHoldOnS3() {
        SellerProduct product = sellerWithProduct();
        SignedInUser other = store.newSeller(signInAsAdmin());

        assertThat(upload(product.productId(), other.accessToken(), "a.jpg", "image/jpeg", TestImages.jpeg(300, 300))
                        .status())
                .isEqualTo(403);
        assertThat(upload(product, "bomb.png", "image/png", TestImages.pngBomb(20_000, 10_000))
                        .status())
                .isEqualTo(413);
        assertThat(upload(product, "photo.jpg", "image/jpeg", TestImages.png(300, 300, false))
                        .status())
                .isEqualTo(415);
    }

    @Test
    void deletingAnImageDeletesItsObjects() {
        SellerProduct product = sellerWithProduct();
        JsonNode image = upload(product, "gone.jpg", "image/jpeg", TestImages.jpeg(1000, 1000))
                .data();

        Api.Response deleted = api.delete(
                "/api/v1/products/" + product.productId() + "/images/"
                        + image.path("id").asString(),
                product.seller().accessToken());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        for (String size : List.of("thumbUrl", "mediumUrl", "largeUrl")) {
            assertThat(api.getBytes(image.path(size).asString(), Map.of()).status())
                    .as(size)
                    .isEqualTo(404);
        }
        assertThat(product(product.productId()).path("imageUrls")).isEmpty();
    }

    @Test
    void theSweepDeletesBucketObjectsThatNoImageNames() throws Exception {
        SellerProduct product = sellerWithProduct();
        JsonNode kept = upload(product, "kept.jpg", "image/jpeg", TestImages.jpeg(640, 480))
                .data();
        String orphan = S3MockServer.get().bucketUrl() + "/products/" + UUID.randomUUID()
                + "/fedcba9876543210fedcba9876543210-medium.jpg";
        put(orphan, TestImages.jpeg(20, 20));
        assertThat(api.getBytes(orphan, Map.of()).status()).isEqualTo(200);

        Api.Response swept =
                api.post("/api/v1/admin/media/sweep", Map.of(), signInAsAdmin().accessToken());

        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        assertThat(api.getBytes(orphan, Map.of()).status()).isEqualTo(404);
        assertThat(api.getBytes(kept.path("thumbUrl").asString(), Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void theLocalStoreIsCopiedToTheBucket() throws IOException {
        String key = "products/" + UUID.randomUUID() + "/00112233445566778899aabbccddeeff-thumb.jpg";
        Path local = Path.of(System.getProperty("bazaar.data-dir"), "media").resolve(key);
        Files.createDirectories(local.getParent());
        byte[] content = TestImages.jpeg(64, 64);
        Files.write(local, content);

        Api.Response copied = api.post(
                "/api/v1/admin/media/copy-to-s3", Map.of(), signInAsAdmin().accessToken());

        assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
        assertThat(copied.data().path("copied").asInt()).isGreaterThanOrEqualTo(1);
        Api.Binary inBucket = api.getBytes(S3MockServer.get().bucketUrl() + "/" + key, Map.of());
        assertThat(inBucket.status()).isEqualTo(200);
        assertThat(inBucket.body()).isEqualTo(content);
        assertThat(inBucket.header("Cache-Control")).contains("immutable");
    }

    private static void put(String url, byte[] content) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "image/jpeg")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
