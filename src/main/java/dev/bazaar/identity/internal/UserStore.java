package dev.bazaar.identity.internal;

import dev.bazaar.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class UserStore {

    private static final String COLUMNS = "id, email, name, password_hash, phone, role, created_at, updated_at";

    /**
     * The password hash of an account that has no password (an imported customer): not a hash any encoder
     * produces, so no password matches it.
     */
    static final String NO_PASSWORD = "!";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(UserStore::map)
                .optional();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(UserStore::map)
                .optional();
    }

    /** Inserts a user; a taken email (in any case) raises DuplicateKeyException. */
    UserRow insert(String email, String name, String passwordHash, String phone, Role role) {
        return jdbc.sql("INSERT INTO users (email, name, password_hash, phone, role) "
                        + "VALUES (:email, :name, :hash, :phone, :role) RETURNING " + COLUMNS)
                .param("email", email)
                .param("name", name)
                .param("hash", passwordHash)
                .param("phone", phone)
                .param("role", role.name())
                .query(UserStore::map)
                .single();
    }

    /** Inserts CUSTOMER accounts without a password; emails already taken (in any case) are skipped. */
    void insertWithoutPassword(String[] emails, String[] names) {
        jdbc.sql("INSERT INTO users (email, name, password_hash, role) "
                        + "SELECT email, name, :hash, 'CUSTOMER' FROM unnest(:emails, :names) AS t (email, name) "
                        + "ON CONFLICT DO NOTHING")
                .param("emails", emails)
                .param("names", names)
                .param("hash", NO_PASSWORD)
                .update();
    }

    /** Account ids by lower-case email, for the given lower-case emails that have an account. */
    Map<String, UUID> idsByEmail(String[] emails) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT lower(email) AS email, id FROM users WHERE lower(email) = ANY(:emails)")
                .param("emails", emails)
                .query((rs, n) -> ids.put(rs.getString("email"), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    UserRow updateProfile(UUID id, String name, String phone) {
        return jdbc.sql("UPDATE users SET name = :name, phone = :phone, updated_at = now() WHERE id = :id "
                        + "RETURNING " + COLUMNS)
                .param("id", id)
                .param("name", name)
                .param("phone", phone)
                .query(UserStore::map)
                .single();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    void updateRole(UUID id, Role role) {
        jdbc.sql("UPDATE users SET role = :role, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("role", role.name())
                .update();
    }

    List<UserRow> page(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(UserStore::map)
                .list();
    }

    /** Names of the given users that exist, by id. */
    Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM users WHERE id = ANY(:ids)")
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    private static UserRow map(ResultSet rs, int row) throws SQLException {
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("password_hash"),
                rs.getString("phone"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
