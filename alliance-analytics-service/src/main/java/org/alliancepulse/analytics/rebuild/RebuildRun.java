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

    /**
     * The last rebuild as the database has it.
     *
     * @param partitionsWritten of {@code partitionsTotal} partition numbers (both topics' same-numbered partitions
     *        are folded together), how many are written so far
     * @param events the events read so far (all of them once finished), {@code skipped} of them unreadable
     * @param dyads the dyads assessed, once finished
     * @param seconds how long it took, once finished
     */
    public record Status(Instant startedAt, Instant finishedAt, boolean running, Integer partitionsWritten,
            Integer partitionsTotal, Long events, Long skipped, Long dyads, Double seconds) {

        static final Status NEVER = new Status(null, null, false, null, null, null, null, null, null);

        /** Never begun, or begun and finished: the state is whole. */
        public boolean finished() {
            return startedAt == null || finishedAt != null;
        }

        /** Begun, not finished, and nobody at it: it failed part-way or its process went. */
        public boolean abandoned() {
            return !finished() && !running;
        }

        /** NEVER, RUNNING, FINISHED or ABANDONED. */
        public String state() {
            return startedAt == null ? "NEVER" : running ? "RUNNING" : finishedAt != null ? "FINISHED" : "ABANDONED";
        }
    }

    @Inject
    DataSource dataSource;

    /** In the transaction that forgets the state: from its commit on, the state is partial until {@link #finish}. */
    static void begin(Connection connection, int partitions) throws SQLException {
        try (PreparedStatement begin = connection.prepareStatement("""
                INSERT INTO rebuild_run (id, started_at, finished_at, partitions_total, partitions_written, events,
                                         skipped, dyads, seconds)
                VALUES (1, clock_timestamp(), NULL, ?, 0, 0, 0, NULL, NULL)
                ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL,
                    partitions_total = excluded.partitions_total, partitions_written = 0, events = 0, skipped = 0,
                    dyads = NULL, seconds = NULL""")) {
            begin.setInt(1, partitions);
            begin.executeUpdate();
        }
    }

    /** One partition number's events are written: what an admin asking how far it got is told. */
    void written(long events, long skipped) {
        update("UPDATE rebuild_run SET partitions_written = partitions_written + 1, events = events + ?, "
                + "skipped = skipped + ? WHERE id = 1", events, skipped);
    }

    void finish(Rebuild.Report report) {
        // the clock, not now(): now() is when the enclosing transaction began, which for this update is before the
        // rebuild's own start (an outside probe read a rebuild that finished 50 ms before it started)
        update("UPDATE rebuild_run SET finished_at = clock_timestamp(), dyads = ?, seconds = ? WHERE id = 1", report.dyads(),
                report.seconds());
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the rebuild's progress", e);
        }
    }

    /**
     * The last rebuild; running when some instance holds the rebuild lock (a shared lock cannot be had then; taken
     * and let go within this one statement).
     */
    public Status status() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT r.started_at, r.finished_at, NOT pg_try_advisory_xact_lock_shared(?),
                               r.partitions_written, r.partitions_total, r.events, r.skipped, r.dyads, r.seconds
                        FROM rebuild_run r""")) {
            connection.setAutoCommit(true);
            query.setLong(1, ClientLocks.REBUILD_LOCK);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Status.NEVER;
                }
                Timestamp finished = row.getTimestamp(2);
                return new Status(row.getTimestamp(1).toInstant(), finished == null ? null : finished.toInstant(),
                        row.getBoolean(3), row.getObject(4, Integer.class), row.getObject(5, Integer.class),
                        row.getObject(6, Long.class), row.getObject(7, Long.class), row.getObject(8, Long.class),
                        row.getObject(9, Double.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read whether the last rebuild finished", e);
        }
    }
}
