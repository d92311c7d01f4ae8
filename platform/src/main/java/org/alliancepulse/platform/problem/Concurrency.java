package org.alliancepulse.platform.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a lost race between two transactions on the same data: an optimistic-lock failure (a row's
 * {@code @Version} changed since it was read), a serialization failure or a deadlock. Such a failure says nothing is
 * wrong with the request itself: an API answers 409, a consumer simply tries the record again.
 */
public final class Concurrency {

    /** By name, so the platform needs no Hibernate on its class path; superclasses are checked too. */
    private static final Set<String> OPTIMISTIC_LOCK_FAILURES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    /** PostgreSQL: serialization_failure, deadlock_detected. */
    private static final Set<String> CONFLICT_SQL_STATES = Set.of("40001", "40P01");

    private Concurrency() {
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (OPTIMISTIC_LOCK_FAILURES.contains(type.getName())) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
