package dev.bazaar.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings ({@code bazaar.security.jwt.*}). {@code secret} is a Base64 HMAC key of at least 256 bits; when
 * it is empty a key is generated once and kept in {@code key-file}, so tokens survive a restart.
 */
@ConfigurationProperties("bazaar.security.jwt")
public record JwtProperties(
        String issuer,
        String audience,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        String secret,
        Path keyFile) {}
