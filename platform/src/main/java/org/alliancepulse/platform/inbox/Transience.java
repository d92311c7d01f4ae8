package org.alliancepulse.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.alliancepulse.platform.problem.Concurrency;
import org.alliancepulse.platform.problem.DatabaseAway;

/**
 * Failures that say nothing about the record: a lost race (optimistic lock, serialization failure, deadlock), a
 * connection broken by a database restart or fail-over, a server out of resources or shutting down, a lock wait, a
 * connection pool with no free connection, a handler's {@link RetryLater}. The inbox waits these out without counting them as attempts, so they
 * never dead-letter a healthy record.
 */
final class Transience {

    /** lock_not_available: a lock wait gave up, another transaction holds the row. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Transience() {
    }

    /**
     * Words for the log: a handler's {@link RetryLater} says why in its own words (written for the log, never a
     * record's values); any other failure by its type alone (a database's message may quote a row).
     */
    static String why(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RetryLater later) {
                return later.getMessage();
            }
        }
        return failure.getClass().getName();
    }

    static boolean isTransient(Throwable failure) {
        if (Concurrency.isConflict(failure) || DatabaseAway.in(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RetryLater || cause instanceof SQLTransientException) {
                return true; // the handler said so; a timeout or the like
            }
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
