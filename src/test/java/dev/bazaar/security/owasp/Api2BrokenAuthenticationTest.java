package dev.bazaar.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.bazaar.Api;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * API2:2023 Broken Authentication. An access token is accepted only if we signed it (HS256 pinned: no
 * {@code alg: none}, no other algorithm, no other key), it is unexpired and its session is live; its claims
 * cannot be edited (a customer cannot make their token say ADMIN). Tokens travel only in the Authorization
 * header, never in a URL. A refresh token works once and is not an access token; a spent one presented again
 * ends the session. Password guessing is covered by {@code identity.AccountProtectionTest}.
 */
class Api2BrokenAuthenticationTest extends OwaspApiTest {

    @Autowired
    JwtEncoder ourEncoder;

    @Test
    void aTokenWhosePayloadWasEditedToSayAdminIsRefused() {
        SignedInUser customer = registerCustomer();
        String[] parts = customer.accessToken().split("\\.");
        String payload = decode(parts[1]);
        assertThat(payload).contains("\"CUSTOMER\"");
        String forged = parts[0] + "." + encode(payload.replace("\"CUSTOMER\"", "\"ADMIN\"")) + "." + parts[2];

        assertRefused(api.get("/api/v1/admin/users", forged), 401, "INVALID_TOKEN");
        assertRefused(api.get("/api/v1/users/me", forged), 401, "INVALID_TOKEN");
        assertThat(api.get("/api/v1/users/me", customer.accessToken())
                        .data()
                        .path("role")
                        .asString())
                .isEqualTo("CUSTOMER");
    }

    @Test
    void unsignedAndOtherAlgorithmTokensAreRefused() {
        SignedInUser customer = registerCustomer();
        String[] parts = customer.accessToken().split("\\.");
        for (String alg : List.of("none", "None", "HS512", "RS256")) {
            String header = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            assertRefused(api.get("/api/v1/users/me", header + "." + parts[1] + "."), 401, "INVALID_TOKEN");
            assertRefused(api.get("/api/v1/users/me", header + "." + parts[1] + "." + parts[2]), 401, "INVALID_TOKEN");
        }
    }

    @Test
    void expiredAndForeignKeyTokensAreRefused() {
        SignedInUser customer = registerCustomer();
        String sid = claim(customer.accessToken(), "sid");
        Instant past = Instant.now().minusSeconds(7200);
        String expired = sign(ourEncoder, claims(customer, sid, past, past.plusSeconds(900)));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(otherKey, "HmacSHA256")));
        String foreign =
                sign(forger, claims(customer, sid, Instant.now(), Instant.now().plusSeconds(900)));

        assertRefused(api.get("/api/v1/users/me", expired), 401, "INVALID_TOKEN");
        assertRefused(api.get("/api/v1/admin/users", foreign), 401, "INVALID_TOKEN");
    }

    @Test
    void aTokenInTheUrlIsNotAccepted() {
        SignedInUser customer = registerCustomer();
        assertRefused(api.get("/api/v1/users/me?access_token=" + customer.accessToken(), null), 401, "UNAUTHORIZED");
    }

    @Test
    void aRefreshTokenIsNotAnAccessTokenAndWorksOnce() {
        SignedInUser customer = registerCustomer();
        assertRefused(api.get("/api/v1/users/me", customer.refreshToken()), 401, "INVALID_TOKEN");

        Api.Response refreshed =
                api.post("/api/v1/auth/refresh", Map.of("refreshToken", customer.refreshToken()), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String newAccess = refreshed.data().path("accessToken").asString();
        assertThat(api.get("/api/v1/users/me", newAccess).status()).isEqualTo(200);

        // a thief replaying the spent refresh token is refused, and the session it belongs to ends
        Api.Response replayed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", customer.refreshToken()), null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
        assertThat(replayed.json().path("success").asBoolean(true)).isFalse();
        assertRefused(api.get("/api/v1/users/me", newAccess), 401, "INVALID_TOKEN");
    }

    @Test
    void signingOutEndsTheAccessAndRefreshTokens() {
        SignedInUser customer = registerCustomer();
        assertThat(api.post("/api/v1/auth/logout", Map.of(), customer.accessToken())
                        .status())
                .isEqualTo(200);
        assertRefused(api.get("/api/v1/users/me", customer.accessToken()), 401, "INVALID_TOKEN");
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", customer.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    private static JwtClaimsSet claims(SignedInUser user, String sid, Instant issued, Instant expires) {
        return JwtClaimsSet.builder()
                .issuer("bazaar")
                .audience(List.of("bazaar-api"))
                .subject(user.id().toString())
                .issuedAt(issued)
                .expiresAt(expires)
                .claim("roles", List.of("ADMIN"))
                .claim("sid", sid)
                .build();
    }

    private static String sign(JwtEncoder encoder, JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static String claim(String token, String name) {
        return decode(token.split("\\.")[1]).replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
