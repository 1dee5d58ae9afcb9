package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code auth_sessions} and {@code refresh_tokens} tables. */
@Repository
class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID createSession(UUID userId) {
        return jdbc.sql("INSERT INTO auth_sessions (user_id) VALUES (:userId) RETURNING id")
                .param("userId", userId)
                .query(UUID.class)
                .single();
    }

    void addRefreshToken(UUID sessionId, String tokenHash, Instant expiresAt) {
        jdbc.sql(
                        "INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES (:sessionId, :hash, :expiresAt)")
                .param("sessionId", sessionId)
                .param("hash", tokenHash)
                .param("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    /** The refresh token with this hash, locked until the transaction ends so that rotation is serialised. */
    Optional<RefreshTokenRow> lockRefreshToken(String tokenHash) {
        return jdbc.sql("SELECT t.id, t.session_id, t.expires_at, t.used_at, s.revoked_at, s.user_id, u.role "
                        + "FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id "
                        + "JOIN users u ON u.id = s.user_id WHERE t.token_hash = :hash FOR UPDATE OF t")
                .param("hash", tokenHash)
                .query((rs, row) -> new RefreshTokenRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("used_at", OffsetDateTime.class) != null,
                        rs.getObject("revoked_at", OffsetDateTime.class) != null))
                .optional();
    }

    void markUsed(UUID tokenId) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = now() WHERE id = :id")
                .param("id", tokenId)
                .update();
    }

    Optional<UUID> sessionOfRefreshToken(String tokenHash) {
        return jdbc.sql("SELECT session_id FROM refresh_tokens WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }

    void revokeSession(UUID sessionId, String reason) {
        jdbc.sql("UPDATE auth_sessions SET revoked_at = now(), revoke_reason = :reason "
                        + "WHERE id = :id AND revoked_at IS NULL")
                .param("id", sessionId)
                .param("reason", reason)
                .update();
    }

    /** Revokes every open session of a user and returns their ids. */
    java.util.List<UUID> revokeSessionsOf(UUID userId, String reason) {
        return jdbc.sql("UPDATE auth_sessions SET revoked_at = now(), revoke_reason = :reason "
                        + "WHERE user_id = :userId AND revoked_at IS NULL RETURNING id")
                .param("userId", userId)
                .param("reason", reason)
                .query(UUID.class)
                .list();
    }

    boolean isActive(UUID sessionId) {
        return jdbc.sql("SELECT count(*) FROM auth_sessions WHERE id = :id AND revoked_at IS NULL")
                        .param("id", sessionId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    int deleteExpiredRefreshTokens(Instant before) {
        return jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }

    record RefreshTokenRow(
            UUID id, UUID sessionId, UUID userId, Role role, Instant expiresAt, boolean used, boolean sessionRevoked) {}
}
