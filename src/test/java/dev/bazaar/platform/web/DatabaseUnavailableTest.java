package dev.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database's absence (503 DATABASE_UNAVAILABLE) and which are not (500). */
class DatabaseUnavailableTest {

    @Test
    void aMissingOrBrokenConnectionIsTheDatabasesAbsence() {
        SQLTransientConnectionException poolTimedOut =
                new SQLTransientConnectionException("bazaar - Connection is not available, request timed out");
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", poolTimedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new CannotCreateTransactionException("no transaction", new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        // the rollback after a failure found the connection closed (Hikari's message carries no SQL state)
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isFalse();
        // Redis's connection failure has the same Spring type, but it is not the database
        assertThat(DatabaseUnavailable.causedBy(new RedisConnectionFailureException("redis down")))
                .isFalse();
    }
}
