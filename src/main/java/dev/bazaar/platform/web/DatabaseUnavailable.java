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

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause instanceof TransactionSystemException failedEnd) {
                // the commit or rollback itself failed at the JDBC level (the connection was gone), or the work
                // before it failed for the database's absence and the rollback then failed too
                if (failedEnd.getCause() instanceof SQLException
                        || failedEnd.getApplicationException() != null
                                && causedBy(failedEnd.getApplicationException())) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
