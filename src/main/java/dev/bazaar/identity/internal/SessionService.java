package dev.bazaar.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.identity.internal.SessionStore.RefreshTokenRow;
import dev.bazaar.platform.DomainException;
import dev.bazaar.platform.security.AccessTokenIssuer;
import dev.bazaar.platform.security.AccessTokenIssuer.AccessToken;
import dev.bazaar.platform.security.JwtProperties;
import dev.bazaar.platform.security.Role;
import dev.bazaar.platform.security.SessionRevocationCheck;
import dev.bazaar.platform.security.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in sessions and their tokens. Each login starts a session; its refresh tokens form one family and each
 * works once. Presenting a spent one means it was stolen or replayed, so the whole session is revoked and
 * every access token carrying its id stops working.
 */
@Service
class SessionService implements SessionRevocationCheck {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionStore store;
    private final AccessTokenIssuer accessTokens;
    private final JwtProperties properties;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    /**
     * Active-session answers are cached briefly so that verifying a token costs no query on the hot path. A
     * revocation on this instance evicts at once; other instances see it within the expiry.
     */
    private final Cache<UUID, Boolean> activeSessions = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    SessionService(
            SessionStore store,
            AccessTokenIssuer accessTokens,
            JwtProperties properties,
            TransactionTemplate transactions) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Starts a session for a user who has just proved who they are. */
    AuthTokens start(UUID userId, Role role) {
        return transactions.execute(tx -> {
            UUID sessionId = store.createSession(userId);
            return issue(userId, role, sessionId);
        });
    }

    /** Starts a session for a browser that signed in: the session cookie stands for it, so no tokens. */
    UUID startBrowserSession(UUID userId) {
        return store.createSession(userId);
    }

    /** Trades a refresh token for a new pair; a spent, expired or unknown token fails with 401. */
    AuthTokens refresh(String refreshToken) {
        RefreshOutcome outcome = transactions.execute(tx -> rotate(Sha256.hex(refreshToken)));
        return switch (outcome) {
            case RefreshOutcome.Rotated rotated -> rotated.tokens();
            case RefreshOutcome.Reused reused -> {
                activeSessions.invalidate(reused.sessionId());
                log.warn("Spent refresh token presented again; session {} revoked", reused.sessionId());
                throw DomainException.unauthenticated(
                        "REFRESH_TOKEN_REUSED", "This refresh token was already used; the session has been ended");
            }
            case RefreshOutcome.Rejected rejected ->
                throw DomainException.unauthenticated("INVALID_REFRESH_TOKEN", rejected.reason());
        };
    }

    private RefreshOutcome rotate(String tokenHash) {
        RefreshTokenRow token = store.lockRefreshToken(tokenHash).orElse(null);
        if (token == null) {
            return new RefreshOutcome.Rejected("Unknown refresh token");
        }
        if (token.sessionRevoked()) {
            return new RefreshOutcome.Rejected("The session of this refresh token has ended");
        }
        if (token.used()) {
            store.revokeSession(token.sessionId(), "refresh_token_reuse");
            return new RefreshOutcome.Reused(token.sessionId());
        }
        if (token.expiresAt().isBefore(Instant.now())) {
            return new RefreshOutcome.Rejected("The refresh token has expired; sign in again");
        }
        store.markUsed(token.id());
        return new RefreshOutcome.Rotated(issue(token.userId(), token.role(), token.sessionId()));
    }

    void endSession(UUID sessionId) {
        store.revokeSession(sessionId, "logout");
        activeSessions.invalidate(sessionId);
    }

    void endSessionOfRefreshToken(String refreshToken) {
        store.sessionOfRefreshToken(Sha256.hex(refreshToken)).ifPresent(this::endSession);
    }

    void endAllSessionsOf(UUID userId, String reason) {
        store.revokeSessionsOf(userId, reason).forEach(activeSessions::invalidate);
    }

    @Override
    public boolean isActive(UUID sessionId) {
        return activeSessions.get(sessionId, store::isActive);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpiredRefreshTokens() {
        int purged = store.deleteExpiredRefreshTokens(Instant.now());
        if (purged > 0) {
            log.info("Purged {} expired refresh tokens", purged);
        }
    }

    private AuthTokens issue(UUID userId, Role role, UUID sessionId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant refreshExpiresAt = Instant.now().plus(properties.refreshTokenTtl());
        store.addRefreshToken(sessionId, Sha256.hex(refreshToken), refreshExpiresAt);
        AccessToken access = accessTokens.issue(userId, role, sessionId);
        return new AuthTokens(
                access.value(),
                "Bearer",
                access.expiresInSeconds(),
                access.expiresAt(),
                refreshToken,
                refreshExpiresAt);
    }

    private sealed interface RefreshOutcome {
        record Rotated(AuthTokens tokens) implements RefreshOutcome {}

        record Reused(UUID sessionId) implements RefreshOutcome {}

        record Rejected(String reason) implements RefreshOutcome {}
    }
}
