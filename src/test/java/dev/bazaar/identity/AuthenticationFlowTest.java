package dev.bazaar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The account lifecycle a client goes through, end to end over HTTP. */
class AuthenticationFlowTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registerLoginRefreshReuseAndLogout() {
        String email = "Walk.Through-" + UUID.randomUUID() + "@Example.com";
        String password = "a perfectly fine passphrase";

        Api.Response registered = api.post(
                "/api/v1/auth/register",
                Map.of("email", email, "name", "Walk Through", "password", password, "phone", "+1 555 0100"),
                null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        assertThat(registered.json().path("success").asBoolean()).isTrue();
        assertThat(registered.body()).doesNotContain("argon2", "accessToken", "\"user\"");

        Api.Response login =
                api.post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", password), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonNode user = login.data().path("user");
        assertThat(user.path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.path("role").asString()).isEqualTo("CUSTOMER");
        JsonNode tokens = login.data().path("tokens");
        assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expiresIn").asLong()).isEqualTo(900);
        String access = tokens.path("accessToken").asString();
        String refresh = tokens.path("refreshToken").asString();

        Api.Response me = api.get("/api/v1/users/me", access);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("id").asString()).isEqualTo(user.path("id").asString());
        assertThat(me.data().path("phone").asString()).isEqualTo("+1 555 0100");
        assertThat(me.body()).doesNotContain("passwordHash", "argon2");

        Api.Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String newAccess = refreshed.data().path("accessToken").asString();
        String newRefresh = refreshed.data().path("refreshToken").asString();
        assertThat(newRefresh).isNotEqualTo(refresh);
        assertThat(api.get("/api/v1/users/me", newAccess).status()).isEqualTo(200);

        // the spent token again: rejected, and the whole family (session) is revoked
        Api.Response reused = api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh), null);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.error().path("code").asString()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", newRefresh), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", newAccess).status()).isEqualTo(401);

        // a new sign-in works, and signing out ends that session's access and refresh tokens
        SignedInUser again = signIn(email, password);
        assertThat(api.get("/api/v1/users/me", again.accessToken()).status()).isEqualTo(200);
        Api.Response logout = api.post("/api/v1/auth/logout", Map.of(), again.accessToken());
        assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
        assertThat(logout.json().path("message").asString()).isEqualTo("Signed out");
        assertThat(api.get("/api/v1/users/me", again.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", again.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void logoutWithOnlyTheRefreshTokenEndsTheSession() {
        SignedInUser user = registerCustomer();
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", user.refreshToken()), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", Map.of(), null).status()).isEqualTo(400);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        SignedInUser user = registerCustomer();
        Api.Response wrongPassword =
                api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", "not the password"), null);
        Api.Response unknownEmail = api.post(
                "/api/v1/auth/login",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "x"),
                null);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.error()).isEqualTo(unknownEmail.error());
    }

    @Test
    void passwordsAreStoredAsArgon2idWithOwaspParameters() {
        SignedInUser user = registerCustomer();
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(user.password());
    }

    @Test
    void profileKeepsNameAndSavedAddresses() {
        SignedInUser user = registerCustomer();
        Map<String, Object> home = Map.of(
                "label", "Home",
                "recipient", "Test Customer",
                "line1", "1 Main Street",
                "city", "Springfield",
                "postalCode", "12345",
                "country", "US",
                "isDefault", true);
        Map<String, Object> office = Map.of(
                "recipient",
                "Test Customer",
                "line1",
                "9 Work Road",
                "city",
                "Shelbyville",
                "postalCode",
                "54321",
                "country",
                "US");
        Api.Response updated = api.put(
                "/api/v1/users/me",
                Map.of("name", "Renamed Customer", "addresses", java.util.List.of(home, office)),
                user.accessToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        JsonNode me = api.get("/api/v1/users/me", user.accessToken()).data();
        assertThat(me.path("name").asString()).isEqualTo("Renamed Customer");
        assertThat(me.path("addresses")).hasSize(2);
        assertThat(me.path("addresses").get(0).path("city").asString()).isEqualTo("Springfield");
        assertThat(me.path("addresses").get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(me.path("addresses").get(1).path("line1").asString()).isEqualTo("9 Work Road");

        // leaving fields out keeps them
        api.put("/api/v1/users/me", Map.of("phone", "+44 20 7946 0000"), user.accessToken());
        JsonNode after = api.get("/api/v1/users/me", user.accessToken()).data();
        assertThat(after.path("name").asString()).isEqualTo("Renamed Customer");
        assertThat(after.path("addresses")).hasSize(2);
    }

    @Test
    void profileUpdateRejectsBadAddressesAndChangesNothing() {
        SignedInUser user = registerCustomer();
        Map<String, Object> first = Map.of(
                "recipient", "A", "line1", "1 St", "city", "C", "postalCode", "1", "country", "US", "isDefault", true);
        Api.Response twoDefaults = api.put(
                "/api/v1/users/me",
                Map.of("name", "Changed", "addresses", java.util.List.of(first, first)),
                user.accessToken());
        assertThat(twoDefaults.status()).isEqualTo(400);

        Api.Response badCountry = api.put(
                "/api/v1/users/me",
                Map.of(
                        "addresses",
                        java.util.List.of(Map.of(
                                "recipient", "A", "line1", "1 St", "city", "C", "postalCode", "1", "country", "usa"))),
                user.accessToken());
        assertThat(badCountry.status()).isEqualTo(400);
        assertThat(badCountry.error().path("details").get(0).path("field").asString())
                .isEqualTo("addresses[0].country");

        JsonNode me = api.get("/api/v1/users/me", user.accessToken()).data();
        assertThat(me.path("name").asString()).isEqualTo("Test Customer");
        assertThat(me.path("addresses")).isEmpty();
    }

    @Test
    void profileCannotChangeRoleIdOrTimestamps() {
        SignedInUser user = registerCustomer();
        for (String field : new String[] {"role", "id", "createdAt", "email"}) {
            Api.Response response = api.put("/api/v1/users/me", Map.of(field, "ADMIN"), user.accessToken());
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.error().path("details").get(0).path("field").asString())
                    .isEqualTo(field);
        }
        assertThat(api.get("/api/v1/users/me", user.accessToken())
                        .data()
                        .path("role")
                        .asString())
                .isEqualTo("CUSTOMER");
    }
}
