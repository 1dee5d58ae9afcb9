package dev.bazaar.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by the database being unreachable (stopped, restarting, the network gone, the pool
 * out of connections): it is answered 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After}, not a 500, since
 * the same request may work a moment later.
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";

    static final String CODE = "DATABASE_UNAVAILABLE";
    static final String MESSAGE = "The store's database is not answering; try again in a few seconds (a checkout "
            + "with the same Idempotency-Key, which never places an order twice)";

    private DatabaseUnavailable() {}

    /**
     * True for a JDBC connection failure (SQL state {@code 08...}, {@code 57P0...}: the server shutting down or
     * starting; the pool's or driver's connection exceptions), and for Spring's resource failures (no connection,
     * no transaction, a failed commit or rollback) caused by an SQL exception: a Redis or other store's failure of
     * the same Spring type is not the database's.
     */
    static boolean causedBy(Throwable failure) {
        boolean resourceFailure = false;
        boolean sql = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof TransactionSystemException) {
                resourceFailure = true;
            }
            if (cause instanceof TransactionSystemException failedEnd
                    && failedEnd.getApplicationException() != null
                    && failedEnd.getApplicationException() != failure
                    && causedBy(failedEnd.getApplicationException())) {
                // the work failed for the database's absence, and the rollback then failed too
                return true;
            }
            if (cause instanceof SQLException exception) {
                sql = true;
                String state = exception.getSQLState();
                if (exception instanceof SQLTransientConnectionException
                        || exception instanceof SQLNonTransientConnectionException
                        || state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return resourceFailure && sql;
    }
}
