package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.bazaar.Api;
import dev.bazaar.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Only tokens we signed, for us, unexpired and of a live session, get through. */
class TokenVerificationTest extends IntegrationTest {

    @Autowired
    JwtEncoder ourEncoder;

    @Test
    void noTokenIsUnauthorized() {
        Api.Response response = api.get("/api/v1/users/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.error().path("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertThat(api.get("/api/v1/users/me", "not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        SignedInUser user = registerCustomer();
        String sid = sessionOf(user);
        Instant past = Instant.now().minusSeconds(3600);
        String token = encode(ourEncoder, claims(user.id(), sid, "bazaar", "bazaar-api", past, past.plusSeconds(900)));
        Api.Response response = api.get("/api/v1/users/me", token);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error().path("code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        SignedInUser user = registerCustomer();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(otherKey, "HmacSHA256")));
        Instant now = Instant.now();
        String token =
                encode(forger, claims(user.id(), sessionOf(user), "bazaar", "bazaar-api", now, now.plusSeconds(900)));
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthorized() {
        SignedInUser user = registerCustomer();
        String[] parts = user.accessToken().split("\\.");
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertThat(api.get("/api/v1/users/me", header + "." + parts[1] + ".").status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", header + "." + parts[1] + "." + parts[2])
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIsUnauthorized() {
        SignedInUser user = registerCustomer();
        String sid = sessionOf(user);
        Instant now = Instant.now();
        String otherAudience =
                encode(ourEncoder, claims(user.id(), sid, "bazaar", "other-api", now, now.plusSeconds(900)));
        String otherIssuer =
                encode(ourEncoder, claims(user.id(), sid, "evil", "bazaar-api", now, now.plusSeconds(900)));
        String valid = encode(ourEncoder, claims(user.id(), sid, "bazaar", "bazaar-api", now, now.plusSeconds(900)));
        assertThat(api.get("/api/v1/users/me", otherAudience).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", otherIssuer).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", valid).status()).isEqualTo(200);
    }

    @Test
    void customerCannotCallAdminEndpoints() {
        SignedInUser customer = registerCustomer();
        Api.Response response = api.get("/api/v1/admin/users", customer.accessToken());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error().path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/actuator/prometheus", customer.accessToken()).status())
                .isEqualTo(403);
    }

    @Test
    void adminListsUsersAndGrantsRoles() {
        SignedInUser admin = signInAsAdmin();
        SignedInUser customer = registerCustomer();

        Api.Response list = api.get("/api/v1/admin/users?page=1&limit=5", admin.accessToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.data().path("users").size()).isBetween(1, 5);
        assertThat(list.data().path("pagination").path("limit").asInt()).isEqualTo(5);
        assertThat(list.data().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(list.body()).doesNotContain("argon2");

        assertThat(api.get("/api/v1/admin/users?limit=1000", admin.accessToken())
                        .status())
                .isEqualTo(400);

        Api.Response granted = api.put(
                "/api/v1/admin/users/" + customer.id() + "/role",
                java.util.Map.of("role", "SELLER"),
                admin.accessToken());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.data().path("role").asString()).isEqualTo("SELLER");
        // the old token carried the old role: its session is over, and a new sign-in carries SELLER
        assertThat(api.get("/api/v1/users/me", customer.accessToken()).status()).isEqualTo(401);
        SignedInUser seller = signIn(customer.email(), customer.password());
        assertThat(api.get("/api/v1/users/me", seller.accessToken())
                        .data()
                        .path("role")
                        .asString())
                .isEqualTo("SELLER");

        assertThat(api.put(
                                "/api/v1/admin/users/" + UUID.randomUUID() + "/role",
                                java.util.Map.of("role", "SELLER"),
                                admin.accessToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/admin/users/" + customer.id() + "/role",
                                java.util.Map.of("role", "EMPEROR"),
                                admin.accessToken())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/actuator/prometheus", admin.accessToken()).status())
                .isEqualTo(200);
    }

    private String sessionOf(SignedInUser user) {
        String payload =
                new String(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    }

    private static JwtClaimsSet claims(
            UUID subject, String sid, String issuer, String audience, Instant issued, Instant expires) {
        return JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject.toString())
                .issuedAt(issued)
                .expiresAt(expires)
                .claim("roles", List.of("ADMIN"))
                .claim("sid", sid)
                .build();
    }

    private static String encode(JwtEncoder encoder, JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
