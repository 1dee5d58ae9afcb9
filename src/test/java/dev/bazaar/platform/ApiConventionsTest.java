package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The envelope, status codes and operational endpoints every module relies on. */
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsTest extends IntegrationTest {

    @Test
    void malformedJsonIsABadRequest() {
        Api.Response response =
                api.send("POST", "/api/v1/auth/login", null, "application/json", "{\"email\": ", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("success").asBoolean()).isFalse();
        assertThat(response.error().path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void missingBodyIsABadRequest() {
        assertThat(api.send("POST", "/api/v1/auth/login", null, "application/json", null, Map.of())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        Api.Response response = api.send("POST", "/api/v1/auth/login", null, "text/plain", "hello", Map.of());
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error().path("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        Api.Response response = api.send("POST", "/api/v1/auth/login", null, "application/json", huge, Map.of());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedChunkedBodyIsCutOff() {
        // no Content-Length to refuse up front: the body is counted while it is read
        String huge = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        assertThat(api.postChunked("/api/v1/auth/login", "application/json", huge.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(413);

        String small = "{\"email\":\"nobody@example.com\",\"password\":\"not the password\"}";
        assertThat(api.postChunked("/api/v1/auth/login", "application/json", small.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(401);
    }

    @Test
    void unknownEndpointIsNotFound() {
        SignedInUser user = registerCustomer();
        Api.Response response = api.get("/api/v1/no-such-thing", user.accessToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error().path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        SignedInUser user = registerCustomer();
        assertThat(api.delete("/api/v1/users/me", user.accessToken()).status()).isEqualTo(405);
    }

    @Test
    void unexpectedFailureHidesDetailsButLogsTheErrorId(CapturedOutput output) {
        SignedInUser user = registerCustomer();
        Api.Response response = api.get(FailingTestEndpoint.PATH, user.accessToken());
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error().path("code").asString()).isEqualTo("INTERNAL_ERROR");
        String errorId = response.error().path("errorId").asString();
        assertThat(errorId).isNotBlank();
        assertThat(response.body()).doesNotContain("SELECT", "secret_table", "Exception", "at dev.bazaar");
        assertThat(output.getAll()).contains(errorId).contains("secret_table");
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.Response generated = api.get("/actuator/health", null);
        assertThat(generated.header("X-Request-Id")).isNotBlank();
        Api.Response kept =
                api.send("GET", "/actuator/health", null, null, null, Map.of("X-Request-Id", "lb-1234567890"));
        assertThat(kept.header("X-Request-Id")).isEqualTo("lb-1234567890");
        Api.Response replaced =
                api.send("GET", "/actuator/health", null, null, null, Map.of("X-Request-Id", "bad id\twith tab"));
        assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id\twith tab");
    }

    @Test
    void healthAndInfoArePublicAndIncludeTheDatabaseForAdmins() {
        assertThat(api.get("/actuator/health", null).json().path("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/info", null).status()).isEqualTo(200);
        Api.Response detailed = api.get("/actuator/health", signInAsAdmin().accessToken());
        assertThat(detailed.json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    }

    @Test
    void openApiDescribesTheEndpointsWithTheirEnvelopes() {
        Api.Response spec = api.get("/v3/api-docs", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().path("paths").has("/api/v1/auth/register")).isTrue();
        assertThat(spec.json().path("paths").has("/api/v1/users/me")).isTrue();
        assertThat(spec.json().path("components").path("schemas").has("ErrorResponse"))
                .isTrue();
        assertThat(spec.json()
                        .path("paths")
                        .path("/api/v1/users/me")
                        .path("get")
                        .path("responses")
                        .has("401"))
                .isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Map<String, String> preflight = Map.of("Access-Control-Request-Method", "POST");
        Api.Response allowed = api.send(
                "OPTIONS", "/api/v1/auth/login", null, null, null, withOrigin(preflight, "http://localhost:3000"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        Api.Response denied = api.send(
                "OPTIONS", "/api/v1/auth/login", null, null, null, withOrigin(preflight, "https://evil.example"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Access-Control-Allow-Origin")).isNull();
    }

    private static Map<String, String> withOrigin(Map<String, String> headers, String origin) {
        var all = new java.util.HashMap<>(headers);
        all.put("Origin", origin);
        return all;
    }
}
