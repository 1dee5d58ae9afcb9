package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bazaar.Api;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API7:2023 Server Side Request Forgery. Bazaar fetches no URL a client gives it: images are uploaded as bytes
 * (multipart), never fetched from a link, and the only URLs a client may send ({@code imageUrls} of a product, a
 * seller's links to pictures hosted elsewhere, and a category's {@code imageUrl}) are stored as text for browsers,
 * checked to be http(s), and never requested by the server. The server's own outgoing calls (S3, OpenSearch, Redis, Kafka) go to configured
 * addresses only. These tests hold that: the OpenAPI document has no other input that looks like a URL, and a
 * product whose picture URL points at a listener on this machine is created, shown and searched without that
 * listener receiving a request.
 */
class Api7ServerSideRequestForgeryTest extends OwaspApiTest {

    private HttpServer listener;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
    }

    @Test
    void noDocumentedInputButPictureLinksTakesAUrl() {
        JsonNode spec = api.get("/v3/api-docs", null).json();
        Set<String> urlLike = new TreeSet<>();
        for (var path : spec.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    collect(parameter.path("name").asString(), urlLike);
                }
                for (JsonNode media : operation.getValue().path("requestBody").path("content")) {
                    properties(spec, media.path("schema"), urlLike, 0);
                }
            }
        }
        assertThat(urlLike).containsExactlyInAnyOrder("imageUrl", "imageUrls");
    }

    @Test
    void aPictureUrlPointingInsideIsStoredAsTextAndNeverFetched() {
        String inside = "http://127.0.0.1:" + listener.getAddress().getPort() + "/latest/meta-data/iam";
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "owasp-ssrf");
        Api.Response created = api.post(
                "/api/v1/products",
                Map.of(
                        "title",
                        "SSRF probe lamp",
                        "price",
                        3,
                        "category",
                        category,
                        "stock",
                        1,
                        "imageUrls",
                        List.of(inside)),
                admin.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String product = created.data().path("id").asString();

        assertThat(api.get("/api/v1/products/" + product, null).body()).contains(inside);
        String slug = "owasp-ssrf-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response newCategory = api.post(
                "/api/v1/categories", Map.of("name", slug, "slug", slug, "imageUrl", inside), admin.accessToken());
        assertThat(newCategory.status()).as(newCategory.toString()).isEqualTo(201);
        api.get("/api/v1/categories", null);
        api.get("/api/v1/products?category=" + category, null);
        api.get("/api/v1/products/search?q=probe", null);
        api.get("/api/v1/products/" + product + "/images", null);
        assertThat(requests.get()).as("requests the server made to the URL").isZero();
    }

    @Test
    void onlyHttpUrlsAreAcceptedAndAnUploadIsNeverALink() {
        SignedInUser admin = signInAsAdmin();
        String category = newCategory(admin, "owasp-ssrf");
        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)")) {
            Api.Response refused = api.post(
                    "/api/v1/products",
                    Map.of("title", "Bad link", "price", 3, "category", category, "imageUrls", List.of(url)),
                    admin.accessToken());
            assertRefused(refused, 400, "VALIDATION_FAILED");
        }
        String product = newProduct("3.00");
        String link = "http://127.0.0.1:" + listener.getAddress().getPort() + "/picture.jpg";
        Api.Response upload = api.upload(
                "/api/v1/products/" + product + "/images",
                "file",
                "picture.jpg",
                "image/jpeg",
                link.getBytes(StandardCharsets.UTF_8),
                admin.accessToken());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(415);
        assertThat(requests.get()).isZero();
    }

    private static void properties(JsonNode spec, JsonNode schema, Set<String> found, int depth) {
        if (depth > 6 || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            properties(spec, spec.path("components").path("schemas").path(name), found, depth + 1);
            return;
        }
        properties(spec, schema.path("items"), found, depth + 1);
        for (var property : schema.path("properties").properties()) {
            collect(property.getKey(), found);
            if ("uri".equals(property.getValue().path("format").asString(""))) {
                found.add(property.getKey());
            }
            properties(spec, property.getValue(), found, depth + 1);
        }
    }

    private static void collect(String name, Set<String> found) {
        if (name.matches("(?i).*(url|uri|href|link|callback|webhook|endpoint|host|redirect).*")) {
            found.add(name);
        }
    }
}
