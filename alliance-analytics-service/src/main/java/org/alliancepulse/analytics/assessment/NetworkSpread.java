package org.alliancepulse.analytics.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The network SD the rupture rule compares a drop with, in event time. A course is judged with the network as it was
 * when the course began: the snapshot of the calendar month (UTC) of its first session, pooled ({@link NetworkSd})
 * from the sessions scheduled in the lookback before that month began. A snapshot is computed once, when a course of
 * that month is first assessed, and kept ({@code network_sd_snapshot}); so the rules never read the wall clock, a
 * dyad's thresholds do not move under its past sessions as the network grows, and a replay of last year's events is
 * judged with last year's network. Feedback on an earlier month that arrives after the snapshot was taken does not
 * change it (a rebuild, which folds every event before it assesses, takes it into account).
 */
@ApplicationScoped
public class NetworkSpread {

    @Inject
    EntityManager entityManager;

    @Inject
    AssessmentConfig config;

    /** Snapshots are never changed once stored, so they can be kept here for good (until a rebuild). */
    private final Map<LocalDate, NetworkSd.Pooled> snapshots = new ConcurrentHashMap<>();

    /** The network SD of the index to judge this course with. */
    public double forCourse(DyadCourse course, ClinicalThresholds thresholds) {
        return snapshotFor(course).sd(thresholds);
    }

    /** The network SDs of the index and the pillars to judge this course with. */
    public NetworkSd.Spread spreadForCourse(DyadCourse course, ClinicalThresholds thresholds) {
        return snapshotFor(course).spread(thresholds);
    }

    /** The pooled figures for this course's month, taken and kept if it is the month's first. */
    private NetworkSd.Pooled snapshotFor(DyadCourse course) {
        if (course.sessions().isEmpty()) {
            return NetworkSd.Pooled.NONE;
        }
        LocalDate month = monthOf(course.sessions().get(0).scheduledAt());
        NetworkSd.Pooled known = snapshots.get(month);
        if (known != null) {
            return known;
        }
        // its own transaction: a snapshot does not depend on (nor roll back with) the batch that first needed it
        NetworkSd.Pooled taken = QuarkusTransaction.requiringNew().call(() -> {
            NetworkSd.Pooled pooled = pool(month);
            entityManager.createNativeQuery("""
                    INSERT INTO network_sd_snapshot (month, dyads, squares, degrees_of_freedom, bond_squares,
                        goals_squares, tasks_squares, computed_at)
                    VALUES (:month, :dyads, :squares, :df, :bond, :goals, :tasks, now()) ON CONFLICT (month) DO NOTHING
                    """).setParameter("month", month).setParameter("dyads", pooled.dyads())
                    .setParameter("squares", pooled.squares()).setParameter("df", pooled.degreesOfFreedom())
                    .setParameter("bond", pooled.bondSquares()).setParameter("goals", pooled.goalsSquares())
                    .setParameter("tasks", pooled.tasksSquares())
                    .executeUpdate();
            return stored(month); // another consumer may have taken it first: theirs stands
        });
        snapshots.put(month, taken);
        return taken;
    }

    /**
     * For a what-if replay, which changes nothing: the snapshots as {@link #snapshotFor} would give them, but a month
     * not taken yet is pooled without being stored — once per month for the returned lookup, not once per course.
     */
    public Function<DyadCourse, NetworkSd.Pooled> lookingOnly() {
        Map<LocalDate, NetworkSd.Pooled> seen = new HashMap<>();
        return course -> {
            if (course.sessions().isEmpty()) {
                return NetworkSd.Pooled.NONE;
            }
            LocalDate month = monthOf(course.sessions().get(0).scheduledAt());
            NetworkSd.Pooled known = snapshots.get(month);
            return known != null ? known : seen.computeIfAbsent(month,
                    m -> QuarkusTransaction.requiringNew().call(() -> {
                        NetworkSd.Pooled stored = stored(m);
                        return stored != null ? stored : pool(m);
                    }));
        };
    }

    /** Forgets the kept snapshots (a rebuild clears the table and takes them afresh). */
    public void refresh() {
        snapshots.clear();
    }

    static LocalDate monthOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }

    private NetworkSd.Pooled stored(LocalDate month) {
        java.util.List<?> rows = entityManager.createNativeQuery("""
                SELECT dyads, squares, degrees_of_freedom, bond_squares, goals_squares, tasks_squares
                FROM network_sd_snapshot WHERE month = :month
                """).setParameter("month", month).getResultList();
        return rows.isEmpty() ? null : pooled((Object[]) rows.get(0));
    }

    /**
     * Pools the sessions scheduled in the lookback before the month: one alliance measure per session (the SRS where
     * there is one, as the course takes it), grouped by client and therapist; the index and each pillar.
     */
    private NetworkSd.Pooled pool(LocalDate month) {
        LocalDate from = LocalDate.ofInstant(month.atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(config.networkSdLookback()), ZoneOffset.UTC);
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                WITH measured AS (
                    SELECT DISTINCT ON (session_id) client_id, therapist_id, alliance_index,
                        coalesce(bond_index, alliance_index) AS bond, coalesce(goals_index, alliance_index) AS goals,
                        coalesce(tasks_index, alliance_index) AS tasks
                    FROM feedback_measure
                    WHERE alliance_index IS NOT NULL AND session_date >= :from AND session_date < :until
                    ORDER BY session_id, (instrument = 'SRS') DESC, submitted_at),
                dyads AS (
                    SELECT count(*) AS n, var_samp(alliance_index) AS variance, var_samp(bond) AS bond,
                        var_samp(goals) AS goals, var_samp(tasks) AS tasks
                    FROM measured GROUP BY client_id, therapist_id HAVING count(*) >= 2)
                SELECT count(*), coalesce(sum((n - 1) * variance), 0), coalesce(sum(n - 1), 0),
                    coalesce(sum((n - 1) * bond), 0), coalesce(sum((n - 1) * goals), 0),
                    coalesce(sum((n - 1) * tasks), 0)
                FROM dyads
                """).setParameter("from", from).setParameter("until", month).getSingleResult();
        return pooled(row);
    }

    /** A pooled row; a pillar's squares null (a snapshot from before pillars were pooled) read as NaN: unknown. */
    private static NetworkSd.Pooled pooled(Object[] row) {
        return new NetworkSd.Pooled(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).longValue(), orNaN(row[3]), orNaN(row[4]), orNaN(row[5]));
    }

    private static double orNaN(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
