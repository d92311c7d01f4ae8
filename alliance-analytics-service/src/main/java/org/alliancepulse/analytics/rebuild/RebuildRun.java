package org.alliancepulse.analytics.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.analytics.dyad.ClientLocks;

/**
 * Whether the last rebuild finished (table {@code rebuild_run}, one row). A rebuild is several transactions: it marks
 * itself begun in the one that forgets the state and finished after the last dyad is assessed. In between - while
 * it runs, or for good if it failed part-way or its JVM went - the state is partial: live events wait
 * ({@link ClientLocks#holdNoRebuild()}), readiness is DOWN once no rebuild runs ({@link RebuildReadiness}), and the
 * next start resumes it ({@link RebuildOnStart}).
 */
@ApplicationScoped
public class RebuildRun {

    /** The last rebuild as the database has it. */
    public record Status(Instant startedAt, boolean finished, boolean running) {

        static final Status NEVER = new Status(null, true, false);

        /** Begun, not finished, and nobody at it: it failed part-way or its process went. */
        public boolean abandoned() {
            return !finished && !running;
        }
    }

    @Inject
    DataSource dataSource;

    /** In the transaction that forgets the state: from its commit on, the state is partial until {@link #finish}. */
    static void begin(Connection connection) throws SQLException {
        try (PreparedStatement begin = connection.prepareStatement("""
                INSERT INTO rebuild_run (id, started_at, finished_at) VALUES (1, now(), NULL)
                ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL""")) {
            begin.executeUpdate();
        }
    }

    void finish() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(
                        "UPDATE rebuild_run SET finished_at = now() WHERE id = 1")) {
            finish.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark the rebuild finished", e);
        }
    }

    /**
     * The last rebuild; running when some instance holds the rebuild lock (a shared lock cannot be had then; taken
     * and let go within this one statement).
     */
    public Status status() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT r.started_at, r.finished_at IS NOT NULL, NOT pg_try_advisory_xact_lock_shared(?)
                        FROM rebuild_run r""")) {
            connection.setAutoCommit(true);
            query.setLong(1, ClientLocks.REBUILD_LOCK);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Status.NEVER;
                }
                Timestamp started = row.getTimestamp(1);
                return new Status(started.toInstant(), row.getBoolean(2), row.getBoolean(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read whether the last rebuild finished", e);
        }
    }
}
