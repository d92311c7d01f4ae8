package org.alliancepulse.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.alliancepulse.platform.problem.Concurrency;

/**
 * Failures that say nothing about the record: a lost race (optimistic lock, serialization failure, deadlock), a
 * connection broken by a database restart or fail-over, a server out of resources or shutting down, a lock wait, a
 * connection pool with no free connection, a handler's {@link RetryLater}. The inbox waits these out without counting them as attempts, so they
 * never dead-letter a healthy record.
 */
final class Transience {

    /** SQLState prefixes: connection exception, insufficient resources, operator intervention, lock not available. */
    private static final String[] TRANSIENT_STATES = { "08", "53", "57P", "55P03" };

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
        if (Concurrency.isConflict(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RetryLater) {
                return true; // the handler said so
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null) {
                    for (String prefix : TRANSIENT_STATES) {
                        if (state.startsWith(prefix)) {
                            return true;
                        }
                    }
                } else if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true; // Agroal: no connection free in time
                }
            }
        }
        return false;
    }
}
