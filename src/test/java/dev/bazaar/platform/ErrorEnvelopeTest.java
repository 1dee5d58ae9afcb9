package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, items 12 and 13: every error, including those Tomcat and the security firewall produce before any
 * controller runs, is the API's JSON envelope; clients that hang up are not errors of ours.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorEnvelopeTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LoggingSystem loggingSystem;

    @Test
    void theErrorPathCalledDirectlyIsNotAServerError() {
        RawResponse response = raw("GET /error HTTP/1.1");
        assertThat(response.status).as(response.toString()).isEqualTo(404);
        assertEnvelope(response, "NOT_FOUND");
    }

    @Test
    void aNulInThePathIsAnEnvelopeNotTomcatsPage() {
        RawResponse response = raw("GET /api/v1/products/%00 HTTP/1.1");
        assertThat(response.status).as(response.toString()).isEqualTo(400);
        assertEnvelope(response, "BAD_REQUEST");
    }

    @Test
    void anOversizedUrlIsAnEnvelopeNotTomcatsPage() {
        RawResponse response = raw("GET /api/v1/products/search?q=" + "a".repeat(9000) + " HTTP/1.1");
        assertThat(response.status).as(response.toString()).isBetween(400, 431);
        assertEnvelope(response, null);
    }

    @Test
    void urlsTheFirewallRefusesAreAnEnvelope() {
        for (String path : new String[] {"/api/v1//products", "/api/v1/products;jsessionid=1", "/api/v1/%2e%2e/x"}) {
            RawResponse response = raw("GET " + path + " HTTP/1.1");
            assertThat(response.status).as(path + " -> " + response).isEqualTo(400);
            assertEnvelope(response, "BAD_REQUEST");
        }
    }

    @Test
    void traceIsAMethodNotAllowedEnvelope() {
        RawResponse response = raw("TRACE /api/v1/products HTTP/1.1");
        assertThat(response.status).as(response.toString()).isEqualTo(405);
        assertEnvelope(response, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anApiErrorIsJsonEvenWhenTheClientAsksForHtml() {
        Map<String, String> html = Map.of("Accept", "text/html");
        Api.Response missingProduct = api.send("GET", "/api/v1/products/" + UUID.randomUUID(), null, null, null, html);
        assertThat(missingProduct.status()).as(missingProduct.toString()).isIn(404, 406);
        assertThat(missingProduct.header("Content-Type")).startsWith("application/json");
        assertThat(missingProduct.json().path("success").asBoolean(true)).isFalse();
        assertThat(missingProduct.body()).doesNotContain("Whitelabel", "<html");

        Api.Response unknownPath = api.send("GET", "/api/v1/no-such-thing", null, null, null, html);
        assertThat(unknownPath.status()).as(unknownPath.toString()).isIn(401, 404);
        assertThat(unknownPath.header("Content-Type")).startsWith("application/json");
        assertThat(unknownPath.json().path("success").asBoolean(true)).isFalse();

        Api.Response failure = api.send(
                "GET",
                FailingTestEndpoint.PATH,
                registerCustomer().accessToken(),
                null,
                null,
                Map.of("Accept", "text/html,application/xhtml+xml"));
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.error().path("code").asString()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void aBrowserPathGetsTheHtmlErrorPageAndAClientThatWantsJsonTheEnvelope() {
        Api.Response page = api.send("GET", "/no-such-page", null, null, null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html").doesNotContain("Whitelabel", "Exception");

        Api.Response json = api.send("GET", "/no-such-page", null, null, null, Map.of("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.body()).startsWith("{\"success\":false");
    }

    @Test
    void aMissingParameterIsNamedWithoutJavaWording() {
        Api.Response response = api.get("/api/v1/products/suggest", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().path("code").asString()).isEqualTo("MISSING_PARAMETER");
        assertThat(response.error().path("message").asString()).isEqualTo("Parameter 'q' is required");
        assertThat(response.error().path("details").path(0).path("field").asString())
                .isEqualTo("q");
        assertThat(response.body()).doesNotContain("method parameter", "String");
    }

    @Test
    void aClientThatResetsTheConnectionIsNotLoggedAsAnError(CapturedOutput output) throws IOException {
        String token = registerCustomer().accessToken();
        String logger = "dev.bazaar.platform.web.ApiExceptionHandler";
        loggingSystem.setLogLevel(logger, LogLevel.DEBUG);
        try {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + FailingTestEndpoint.LARGE_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] start = in.readNBytes(1024);
                assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
                socket.setSoLinger(true, 0); // close with a TCP reset, mid-response
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(output.getAll()).contains("The client went away"));
        } finally {
            loggingSystem.setLogLevel(logger, null);
        }
        assertThat(output.getAll())
                .doesNotContain("Unhandled error")
                .doesNotContain("ClientAbortException:\n\tat")
                .doesNotContainPattern("ERROR .*(Broken pipe|Connection reset|ClientAbort|AsyncRequestNotUsable)");
    }

    @Test
    void actuatorInfoDoesNotShowTheJvmBuild() {
        Api.Response info = api.get("/actuator/info", null);
        assertThat(info.status()).isEqualTo(200);
        String body = info.body().toLowerCase(Locale.ROOT);
        assertThat(body).doesNotContain("\"java\"", "\"jvm\"", "\"os\"", "vendor");
        assertThat(info.body()).doesNotContain(System.getProperty("java.runtime.version"));
    }

    private static void assertEnvelope(RawResponse response, String code) {
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/json");
        assertThat(response.body).doesNotContain("<html", "Apache Tomcat", "Whitelabel", "timestamp");
        JsonNode json = JSON.readTree(response.body);
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.path("error").path("message").asString()).isNotBlank();
        assertThat(json.path("error").has("details")).isTrue();
        if (code != null) {
            assertThat(json.path("error").path("code").asString()).isEqualTo(code);
        }
    }

    /** A request written byte for byte, as a client that does not normalise its URLs would send it. */
    private RawResponse raw(String requestLine) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return RawResponse.parse(received.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record RawResponse(int status, String head, String body) {

        static RawResponse parse(String text) {
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        @Override
        public String toString() {
            return head + "\n\n" + body;
        }
    }
}
