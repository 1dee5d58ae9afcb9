package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API10:2023 Unsafe Consumption of APIs. Bazaar consumes the card processor (the {@code PaymentGateway} port; in
 * this build its sandbox), an S3-compatible bucket for media, OpenSearch, Redis and Kafka. Their answers are
 * trusted only as far as they go: a charge is paid only on an explicit approval; a decline (for any reason,
 * including a card the processor does not know), a timeout or an error never counts as one (the gateway call runs under a timeout and a circuit
 * breaker, {@code payment.internal.GatewayGuard}); a refused charge releases the stock and keeps the cart. Media
 * served back from the store are files Bazaar wrote itself, under content-hashed names, sent with
 * {@code nosniff}; search answers are re-read from the catalog ({@code search} shows cards from
 * {@code ProductCatalog}), and a search engine that is down falls back to PostgreSQL. The gateway is the only
 * downstream reachable in a test over HTTP; its unit-level rules are in {@code payment.PaymentResilienceTest}
 * and {@code payment.internal.GatewayGuardTest}.
 */
class Api10UnsafeConsumptionOfApisTest extends OwaspApiTest {

    @Test
    void aDeclineForAnyReasonIsNeverAPayment() {
        String product = newProduct("19.00");
        for (String token : new String[] {"tok_declined", "tok_" + UUID.randomUUID()}) {
            SignedInUser shopper = registerCustomer();
            addToCart(shopper, product, 3);
            Api.Response refused = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder(token));
            assertRefused(refused, 402, "PAYMENT_DECLINED");
            JsonNode order = api.get("/api/v1/orders", shopper.accessToken())
                    .data()
                    .path("orders")
                    .get(0);
            assertThat(order.path("paymentStatus").asString()).isEqualTo("failed");
            assertThat(order.path("status").asString()).isEqualTo("cancelled");
            assertThat(quantityInCart(shopper, product)).isEqualTo(3);
        }
        assertThat(api.get("/api/v1/admin/inventory/" + product, signInAsAdmin().accessToken())
                        .data()
                        .path("available")
                        .asInt())
                .isEqualTo(500);
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeIsNotTakenAsApproval() {
        String product = newProduct("21.00");
        SignedInUser shopper = registerCustomer();
        addToCart(shopper, product, 1);
        Api.Response unavailable = placeOrder(shopper, UUID.randomUUID().toString(), cardOrder("tok_timeout"));
        assertRefused(unavailable, 503, "PAYMENT_UNAVAILABLE");
        for (JsonNode order :
                api.get("/api/v1/orders", shopper.accessToken()).data().path("orders")) {
            assertThat(order.path("paymentStatus").asString()).isNotEqualTo("paid");
        }
    }

    @Test
    void storedMediaAreServedAsWhatTheyAreAndNothingElse() throws IOException {
        String product = newProduct("4.50");
        String admin = signInAsAdmin().accessToken();
        String images = "/api/v1/products/" + product + "/images";
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload(images, "file", "page.jpg", "image/jpeg", page, admin)
                        .status())
                .isEqualTo(415);

        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        Api.Response uploaded = api.upload(images, "file", "picture.jpg", "image/jpeg", jpeg.toByteArray(), admin);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        Api.Binary served = api.getBytes(uploaded.data().path("mediumUrl").asString(), Map.of());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("image/jpeg");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.body()).startsWith((byte) 0xFF, (byte) 0xD8);

        assertThat(api.get("/media/products/" + UUID.randomUUID() + "/x.jpg", null)
                        .status())
                .isEqualTo(404);
        Api.Response traversal = api.get("/media/..%2f..%2fjwt-signing.key", null);
        assertThat(traversal.status()).isIn(400, 404);
        assertThat(traversal.body()).doesNotContain("BEGIN");
    }
}
