package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API8:2023 Security Misconfiguration. The API answers with the browser-hardening headers, keeps answers about a
 * signed-in user out of shared caches, creates no server session (it is stateless: a cookie would be a second
 * credential), does not name its server or versions, refuses {@code TRACE} (it would echo the Authorization
 * header), allows cross-origin calls only from configured origins, and keeps errors and health to the envelope and
 * a status. The envelope on every kind of error is covered in detail by {@code platform.ErrorEnvelopeTest}.
 */
class Api8SecurityMisconfigurationTest extends OwaspApiTest {

    @Test
    void answersCarryHardeningHeadersAndAreNotCachedWhenPersonal() {
        SignedInUser customer = registerCustomer();
        for (Api.Response response : new Api.Response[] {
            api.get("/api/v1/users/me", customer.accessToken()), api.get("/api/v1/no-such-route", null)
        }) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(api.get("/api/v1/users/me", customer.accessToken()).header("Cache-Control"))
                .contains("no-store");
    }

    @Test
    void signingInCreatesNoServerSession() {
        SignedInUser customer = registerCustomer();
        Api.Response login = api.post(
                "/api/v1/auth/login", Map.of("email", customer.email(), "password", customer.password()), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("BAZAAR_SESSION") || cookie.startsWith("JSESSIONID"));
    }

    @Test
    void noServerNameOrVersionIsShown() {
        for (Api.Response response : new Api.Response[] {
            api.get("/api/v1/ping", null),
            api.get("/api/v1/no-such-route", null),
            api.send("POST", "/api/v1/auth/login", null, "application/json", "{\"email\":", Map.of())
        }) {
            assertThat(response.header("Server")).as("Server header").isNull();
            assertThat(response.header("X-Powered-By")).isNull();
            assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception", "jackson");
        }
        Api.Response info = api.get("/actuator/info", null);
        assertThat(info.body()).doesNotContain("\"java\"", "\"os\"", "version\":\"25");
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.json().has("components"))
                .as("health details for anonymous callers")
                .isFalse();
    }

    @Test
    void traceIsRefusedAndDoesNotEchoTheToken() {
        SignedInUser customer = registerCustomer();
        Api.Response trace = api.send("TRACE", "/api/v1/users/me", customer.accessToken(), null, null, Map.of());
        assertRefused(trace, 405, "METHOD_NOT_ALLOWED");
        assertThat(trace.body()).doesNotContain(customer.accessToken());
    }

    @Test
    void crossOriginReadsAreAllowedOnlyForConfiguredOrigins() {
        SignedInUser customer = registerCustomer();
        Api.Response evil = api.send(
                "GET",
                "/api/v1/users/me",
                customer.accessToken(),
                null,
                null,
                Map.of("Origin", "https://evil.example"));
        assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
        assertThat(evil.body()).doesNotContain(customer.email());
        Api.Response allowed = api.send(
                "GET",
                "/api/v1/users/me",
                customer.accessToken(),
                null,
                null,
                Map.of("Origin", "http://localhost:3000"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    }
}
