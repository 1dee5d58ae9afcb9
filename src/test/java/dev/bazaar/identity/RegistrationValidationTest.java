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

class RegistrationValidationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTakenEmailGetsTheSameAnswerAsANewOneAndChangesNothing() {
        String email = "dup-" + UUID.randomUUID() + "@example.com";
        Api.Response first = register(email, "first password ok");
        assertThat(first.status()).as(first.toString()).isEqualTo(202);

        Api.Response again = register(email.toUpperCase(), "second password ok");
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.body()).doesNotContain("EMAIL_TAKEN", "exists");
        assertThat(countUsers(email)).isEqualTo(1);

        // the account is the first registration's; the second password does not open it
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "first password ok"), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "second password ok"), null)
                        .status())
                .isEqualTo(401);
        // and its owner is told once that someone tried
        register(email, "third password ok");
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE lower(recipient_email) = lower(:email)"
                                + " AND kind = 'registration_attempt'")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reportsEveryBadFieldOnce() {
        Api.Response response = api.post(
                "/api/v1/auth/register", Map.of("email", "not-an-email", "name", " ", "password", "short"), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(response.error())).containsExactlyInAnyOrder("email", "name", "password");
    }

    @Test
    void reportsMissingFields() {
        Api.Response response = api.post("/api/v1/auth/register", Map.of(), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.error())).containsExactlyInAnyOrder("email", "name", "password");
    }

    @Test
    void rejectsWeakPasswords() {
        for (String weak : new String[] {"short1!", "password123", "aaaaaaaaaaaaaa", "1234567890", "x".repeat(129)}) {
            String email = "weak-" + UUID.randomUUID() + "@example.com";
            Api.Response response = register(email, weak);
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(fields(response.error())).containsExactly("password");
            assertThat(countUsers(email)).isZero();
        }
    }

    @Test
    void aClientCannotChooseItsRoleOrId() {
        String email = "sneaky-" + UUID.randomUUID() + "@example.com";
        for (String field : new String[] {"role", "id", "createdAt"}) {
            Api.Response response = api.post(
                    "/api/v1/auth/register",
                    Map.of("email", email, "name", "Sneaky", "password", "long enough password", field, "ADMIN"),
                    null);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(fields(response.error())).containsExactly(field);
        }
        assertThat(countUsers(email)).isZero();
    }

    @Test
    void rejectsAWrongFieldType() {
        Api.Response response = api.post(
                "/api/v1/auth/register", Map.of("email", Map.of("nested", true), "name", "N", "password", "p"), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response.error())).containsExactly("email");
    }

    private Api.Response register(String email, String password) {
        return api.post("/api/v1/auth/register", Map.of("email", email, "name", "Someone", "password", password), null);
    }

    private long countUsers(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private static java.util.List<String> fields(JsonNode error) {
        return error.path("details")
                .valueStream()
                .map(d -> d.path("field").asString())
                .toList();
    }
}
