package dev.bazaar.identity.internal;

import java.time.Instant;

/** What a client keeps after signing in: a short-lived access token and a single-use refresh token. */
record AuthTokens(
        String accessToken,
        String tokenType,
        long expiresIn,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt) {}
