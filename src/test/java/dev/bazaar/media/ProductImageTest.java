package dev.bazaar.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product images on the default local store: upload, validation, serving, order, deletion, orphans. */
class ProductImageTest extends MediaTestSupport {

    private static Path mediaDirectory() {
        return Path.of(System.getProperty("bazaar.data-dir"), "media");
    }

    @Test
    void aSellersJpegIsServedInThreeSizesWithImmutableCaching() {
        SellerProduct product = sellerWithProduct();

        Api.Response uploaded = upload(product, "mug.jpg", "image/jpeg", TestImages.jpeg(3000, 2000));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode image = uploaded.data();
        assertThat(image.path("format").asString()).isEqualTo("jpeg");
        assertThat(image.path("width").asInt()).isEqualTo(3000);
        assertThat(image.path("position").asInt()).isZero();
        String thumb = image.path("thumbUrl").asString();
        String medium = image.path("mediumUrl").asString();
        String large = image.path("largeUrl").asString();
        assertThat(thumb).matches("/media/products/" + product.productId() + "/[0-9a-f]{32}-thumb\\.jpg");
        assertThat(medium).endsWith("-medium.jpg");
        assertThat(large).endsWith("-large.jpg");

        BufferedImage thumbImage = fetchImmutable(thumb, "image/jpeg", 256);
        assertThat(thumbImage.getWidth()).isEqualTo(256);
        assertThat(fetchImmutable(medium, "image/jpeg", 800).getWidth()).isEqualTo(800);
        BufferedImage largeImage = fetchImmutable(large, "image/jpeg", 2000);
        assertThat(largeImage.getWidth()).isEqualTo(2000);
        assertThat(largeImage.getHeight()).isEqualTo(1333);

        Api.Binary first = api.getBytes(thumb, Map.of());
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        Api.Binary again = api.getBytes(thumb, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);

        // the catalog shows them: the product page's pictures and the card's thumbnail
        assertThat(product(product.productId()).path("imageUrls").get(0).asString())
                .isEqualTo(medium);
        JsonNode card = card(product.category(), product.productId());
        assertThat(card.path("imageUrl").asString()).isEqualTo(thumb);
        assertThat(card.path("imageUrls").get(0).asString()).isEqualTo(medium);

        // the same file again is the same image
        Api.Response twice = upload(product, "mug-again.jpg", "image/jpeg", TestImages.jpeg(3000, 2000));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        assertThat(twice.data().path("id").asString())
                .isEqualTo(image.path("id").asString());

        Api.Response listed = api.get("/api/v1/products/" + product.productId() + "/images", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data()).hasSize(1);
    }

    @Test
    void theTypeComesFromTheContent() {
        SellerProduct product = sellerWithProduct();
        String token = product.seller().accessToken();
        byte[] png = TestImages.png(600, 400, true);

        Api.Response renamed = upload(product.productId(), token, "photo.jpg", "image/jpeg", png);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(415);
        assertThat(renamed.error().path("code").asString()).isEqualTo("IMAGE_TYPE_MISMATCH");

        // a type the browser did not know: the content decides; transparency is kept, as PNG
        Api.Response undeclared = upload(product.productId(), token, "photo", "application/octet-stream", png);
        assertThat(undeclared.status()).as(undeclared.toString()).isEqualTo(201);
        assertThat(undeclared.data().path("format").asString()).isEqualTo("png");
        String thumb = undeclared.data().path("thumbUrl").asString();
        assertThat(thumb).endsWith("-thumb.png");
        assertThat(fetchImmutable(thumb, "image/png", 256).getColorModel().hasAlpha())
                .isTrue();

        Api.Response webp = upload(product.productId(), token, "pixel.webp", "image/webp", TestImages.WEBP_1X1);
        assertThat(webp.status()).as(webp.toString()).isEqualTo(201);
        assertThat(webp.data().path("format").asString()).isEqualTo("webp");
        assertThat(webp.data().path("width").asInt()).isEqualTo(1);
        fetchImmutable(webp.data().path("mediumUrl").asString(), "image/", 800);

        Api.Response gif = upload(
                product.productId(),
                token,
                "a.gif",
                "image/gif",
                "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(gif.status()).isEqualTo(415);
        assertThat(gif.error().path("code").asString()).isEqualTo("UNSUPPORTED_IMAGE_TYPE");

        Api.Response garbage = upload(product.productId(), token, "broken.jpg", "image/jpeg", new byte[] {
            (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5
        });
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error().path("code").asString()).isEqualTo("INVALID_IMAGE");
    }

    @Test
    void anSvgWithAScriptIsRefused() {
        SellerProduct product = sellerWithProduct();
        byte[] svg = TestImages.SVG_WITH_SCRIPT.getBytes(StandardCharsets.UTF_8);

        Api.Response declared = upload(product, "logo.svg", "image/svg+xml", svg);
        Api.Response disguised = upload(product, "logo.png", "image/png", svg);

        assertThat(declared.status()).as(declared.toString()).isEqualTo(415);
        assertThat(declared.error().path("code").asString()).isEqualTo("UNSUPPORTED_IMAGE_TYPE");
        assertThat(disguised.status()).as(disguised.toString()).isEqualTo(415);
        assertThat(api.get("/api/v1/products/" + product.productId() + "/images", null)
                        .data())
                .isEmpty();
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        SellerProduct product = sellerWithProduct();
        byte[] bomb = TestImages.pngBomb(20_000, 10_000); // 200 megapixels in a few bytes

        Api.Response response = upload(product, "bomb.png", "image/png", bomb);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.error().path("code").asString()).isEqualTo("TOO_MANY_PIXELS");
    }

    @Test
    void aTwentyMegabyteFileIsRefused() {
        SellerProduct product = sellerWithProduct();
        byte[] huge = new byte[20 * 1024 * 1024];
        new Random(1).nextBytes(huge);
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;

        Api.Response response = upload(product, "huge.jpg", "image/jpeg", huge);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.error().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void onlyTheProductsSellerAndAdminsUpload() {
        SellerProduct product = sellerWithProduct();
        SignedInUser otherSeller = store.newSeller(signInAsAdmin());
        SignedInUser customer = registerCustomer();
        byte[] jpeg = TestImages.jpeg(400, 300);

        Api.Response bySeller = upload(product.productId(), otherSeller.accessToken(), "a.jpg", "image/jpeg", jpeg);
        Api.Response byCustomer = upload(product.productId(), customer.accessToken(), "a.jpg", "image/jpeg", jpeg);
        Api.Response anonymous = upload(product.productId(), null, "a.jpg", "image/jpeg", jpeg);
        Api.Response unknownProduct =
                upload(UUID.randomUUID().toString(), product.seller().accessToken(), "a.jpg", "image/jpeg", jpeg);
        Api.Response byAdmin = upload(product.productId(), signInAsAdmin().accessToken(), "a.jpg", "image/jpeg", jpeg);

        assertThat(bySeller.status()).as(bySeller.toString()).isEqualTo(403);
        assertThat(byCustomer.status()).as(byCustomer.toString()).isEqualTo(403);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(unknownProduct.status()).as(unknownProduct.toString()).isEqualTo(404);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
    }

    @Test
    void imagesAreReorderedAndDeleted() throws IOException {
        SellerProduct product = sellerWithProduct();
        String token = product.seller().accessToken();
        JsonNode first = upload(product.productId(), token, "1.jpg", "image/jpeg", TestImages.jpeg(900, 900))
                .data();
        JsonNode second = upload(product.productId(), token, "2.jpg", "image/jpeg", TestImages.jpeg(901, 900))
                .data();
        assertThat(second.path("position").asInt()).isEqualTo(1);
        String path = "/api/v1/products/" + product.productId() + "/images";

        Api.Response reordered = api.put(
                path + "/order",
                Map.of(
                        "imageIds",
                        List.of(second.path("id").asString(), first.path("id").asString())),
                token);

        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(product(product.productId()).path("imageUrls").get(0).asString())
                .isEqualTo(second.path("mediumUrl").asString());
        assertThat(card(product.category(), product.productId())
                        .path("imageUrl")
                        .asString())
                .isEqualTo(second.path("thumbUrl").asString());

        Api.Response incomplete = api.put(
                path + "/order", Map.of("imageIds", List.of(second.path("id").asString())), token);
        assertThat(incomplete.status()).isEqualTo(400);

        Api.Response deleted = api.delete(path + "/" + second.path("id").asString(), token);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        JsonNode details = product(product.productId());
        assertThat(details.path("imageUrls")).hasSize(1);
        assertThat(details.path("imageUrls").get(0).asString())
                .isEqualTo(first.path("mediumUrl").asString());
        assertThat(card(product.category(), product.productId())
                        .path("imageUrl")
                        .asString())
                .isEqualTo(first.path("thumbUrl").asString());
        for (String size : List.of("thumbUrl", "mediumUrl", "largeUrl")) {
            String url = second.path(size).asString();
            assertThat(api.getBytes(url, Map.of()).status()).as(url).isEqualTo(404);
            assertThat(mediaDirectory().resolve(url.substring("/media/".length())))
                    .doesNotExist();
        }
        assertThat(api.get(path, null).data().get(0).path("position").asInt()).isZero();

        assertThat(api.delete(path + "/" + first.path("id").asString(), token).status())
                .isEqualTo(200);
        assertThat(product(product.productId()).path("imageUrls")).isEmpty();
        assertThat(card(product.category(), product.productId())
                        .path("imageUrl")
                        .isNull())
                .isTrue();
    }

    @Test
    void exifAndGpsAreStripped() {
        SellerProduct product = sellerWithProduct();
        byte[] photo = TestImages.jpegWithExifGps(1200, 900, "SECRET-LOCATION-42");
        assertThat(TestImages.contains(photo, "SECRET-LOCATION-42")).isTrue();

        Api.Response uploaded = upload(product, "photo.jpg", "image/jpeg", photo);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        for (String size : List.of("thumbUrl", "mediumUrl", "largeUrl")) {
            byte[] served = api.getBytes(uploaded.data().path(size).asString(), Map.of())
                    .body();
            assertThat(TestImages.contains(served, "SECRET-LOCATION-42"))
                    .as(size)
                    .isFalse();
            assertThat(TestImages.contains(served, "Exif")).as(size).isFalse();
        }
    }

    @Test
    void theSweepDeletesObjectsThatNoImageNames() throws IOException {
        SellerProduct product = sellerWithProduct();
        JsonNode kept = upload(product, "kept.jpg", "image/jpeg", TestImages.jpeg(500, 500))
                .data();
        Path keptFile =
                mediaDirectory().resolve(kept.path("thumbUrl").asString().substring("/media/".length()));
        Path orphan = mediaDirectory()
                .resolve("products/" + UUID.randomUUID() + "/0123456789abcdef0123456789abcdef-thumb.jpg");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, TestImages.jpeg(10, 10));
        FileTime old = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        Files.setLastModifiedTime(orphan, old);
        Files.setLastModifiedTime(keptFile, old);

        Api.Response swept =
                api.post("/api/v1/admin/media/sweep", Map.of(), signInAsAdmin().accessToken());

        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        assertThat(swept.data().path("deleted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(keptFile).exists();
        assertThat(api.post(
                                "/api/v1/admin/media/sweep",
                                Map.of(),
                                product.seller().accessToken())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void mediaPathsOutsideTheStoreAreNotFound() {
        assertThat(api.getBytes("/media/../application.yml", Map.of()).status()).isIn(400, 404);
        assertThat(api.getBytes("/media/products/x/..%2F..%2Fsecret.jpg", Map.of())
                        .status())
                .isIn(400, 404);
        assertThat(api.getBytes("/media/products/" + UUID.randomUUID() + "/abc-thumb.jpg", Map.of())
                        .status())
                .isEqualTo(404);
    }
}
