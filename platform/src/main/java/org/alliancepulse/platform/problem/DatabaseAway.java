package org.alliancepulse.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure says the database is away rather than anything about the request or record: a connection
 * exception (SQLState class 08), too many connections or out of resources (53), an administrator's shutdown (57P), a
 * broken or unobtainable connection, or no pooled connection in time (Agroal's acquisition timeout). The one test a
 * request's answer (503, {@link ProblemMappers}) and a consumer's wait (the inbox's transience) share.
 */
public final class DatabaseAway {

    private static final String[] STATES = { "08", "53", "57P" };

    private DatabaseAway() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null) {
                    for (String prefix : STATES) {
                        if (state.startsWith(prefix)) {
                            return true;
                        }
                    }
                } else if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
