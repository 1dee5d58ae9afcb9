package dev.bazaar.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature and claims were verified, for at most a minute and never past their expiry,
 * so a client's every request does not pay again for Base64, JSON parsing and the HMAC (JFR showed them as the
 * largest fixed cost of a signed-in request). What can change while a token is valid, whether its session is
 * still active, is checked on every request.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> perRequest;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> perRequest) {
        this.verifier = verifier;
        this.perRequest = perRequest;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null || jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(Instant.now())) {
            verified.invalidate(token);
            jwt = verifier.decode(token);
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = perRequest.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("The session of this token has ended", result.getErrors());
        }
        return jwt;
    }
}
