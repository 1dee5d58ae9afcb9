package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import dev.bazaar.platform.security.AccessTokenIssuer;
import dev.bazaar.platform.security.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Small budgets so the limits are reached quickly; its own application context. */
@TestPropertySource(
        properties = {
            "bazaar.rate-limit.auth.capacity=3",
            "bazaar.rate-limit.auth.period=1h",
            "bazaar.rate-limit.authenticated.capacity=5",
            "bazaar.rate-limit.authenticated.period=1h",
            // a second application context in this JVM: its own search index (one Lucene writer per directory)
            "bazaar.search.index-directory=${bazaar.data-dir}/search-index-rate-limit-test"
        })
class RateLimitTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokenIssuer tokens;

    @Test
    void signInAttemptsAreLimitedPerAddress() {
        Map<String, String> body = Map.of("email", "someone@example.com", "password", "wrong password");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/login", body, null).status()).isEqualTo(401);
        }
        Api.Response limited = api.post("/api/v1/auth/login", body, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error().path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // registering draws on the same budget
        assertThat(api.post("/api/v1/auth/register", Map.of(), null).status()).isEqualTo(429);
    }

    @Test
    void signedInUsersAreLimitedPerUser() {
        // minted directly: signing in would spend the small sign-in budget the other test measures
        UUID adminId = jdbc.sql("SELECT id FROM users WHERE email = :email")
                .param("email", ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        UUID session = jdbc.sql("INSERT INTO auth_sessions (user_id) VALUES (:id) RETURNING id")
                .param("id", adminId)
                .query(UUID.class)
                .single();
        String token = tokens.issue(adminId, Role.ADMIN, session).value();
        int ok = 0;
        Api.Response last = null;
        for (int i = 0; i < 6; i++) {
            last = api.get("/api/v1/users/me", token);
            if (last.status() == 200) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }
}
