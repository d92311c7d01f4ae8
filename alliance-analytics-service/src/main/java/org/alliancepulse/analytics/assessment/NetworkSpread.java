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

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The network SD the rupture rule compares a drop with, in event time. A course is judged with the network as it was
 * when the course began: the snapshot of the calendar month (UTC) of its first session, pooled ({@link NetworkSd})
 * from the sessions scheduled in the lookback before that month began. A snapshot is computed once, when a course of
 * that month is first assessed with a session recorded (held, missed or cancelled; a booking alone decides nothing
 * and takes no snapshot), and kept ({@code network_sd_snapshot}); so the rules never read the wall clock, a
 * dyad's thresholds do not move under its past sessions as the network grows, and a replay of last year's events is
 * judged with last year's network. Feedback on an earlier month that arrives after the snapshot was taken does not
 * change it (a rebuild, which folds every event before it assesses, takes it into account).
 * <p>
 * Except while the prior stands in: a month whose lookback held fewer dyads than {@code network-sd-min-dyads} when
 * first needed is not stored but pooled again once sessions from its lookback arrive ({@link #historyArrived}), and
 * stored once it holds enough. A live network never sees that (a month's lookback is complete when the month
 * begins), but a history taken in out of time order does - a network importing its records client by client, or the
 * two topics read at different speeds - and without it every month would be judged with the prior for good.
 */
@ApplicationScoped
public class NetworkSpread {

    @Inject
    EntityManager entityManager;

    @Inject
    AssessmentConfig config;

    /**
     * Snapshots are never changed once stored, so they can be kept here for good (until a rebuild); a month still
     * under the prior (too few dyads, not stored) until sessions from its lookback arrive.
     */
    private final Map<LocalDate, NetworkSd.Pooled> snapshots = new ConcurrentHashMap<>();

    /**
     * Months being pooled now (how many times at once), and those of them that history committed meanwhile may have
     * outdated: such a thin result is used once but not kept in memory.
     */
    private final Map<LocalDate, Integer> pooling = new ConcurrentHashMap<>();
    private final java.util.Set<LocalDate> outdated = ConcurrentHashMap.newKeySet();

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    org.alliancepulse.analytics.rules.RulesConfig rules;

    /** The network SD of the index to judge this course with. */
    public double forCourse(DyadCourse course, ClinicalThresholds thresholds) {
        return snapshotFor(course, thresholds).sd(thresholds);
    }

    /** The network SDs of the index and the pillars to judge this course with. */
    public NetworkSd.Spread spreadForCourse(DyadCourse course, ClinicalThresholds thresholds) {
        return snapshotFor(course, thresholds).spread(thresholds);
    }

    /**
     * Sessions dated {@code earliest} or later are being recorded in the current transaction: once it commits, a
     * month still under the prior that begins after {@code earliest} is pooled again when next needed (memory only;
     * such a month was never stored). After the commit, because the pooling reads on a connection of its own and
     * would not see this transaction's rows; every month after the date rather than only those whose lookback holds
     * it, because a batch may span more than a lookback and pooling a thin month once more costs one query.
     */
    public void historyArrived(LocalDate earliest, ClinicalThresholds thresholds) {
        Runnable forget = () -> {
            snapshots.entrySet().removeIf(e -> thin(e.getValue(), thresholds) && earliest.isBefore(e.getKey()));
            pooling.keySet().stream().filter(earliest::isBefore).forEach(outdated::add);
        };
        if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                        forget.run();
                    }
                }
            });
        } else {
            forget.run();
        }
    }

    /**
     * Nothing recorded yet (sessions only booked), so nothing decided: the month's snapshot waits for its first
     * recorded session, so a course booked a week ahead does not take next month's network before this one is in.
     */
    private static boolean nothingRecorded(DyadCourse course) {
        return course.sessions().stream().allMatch(s -> s.attendance() == Attendance.NOT_RECORDED);
    }

    private static boolean thin(NetworkSd.Pooled pooled, ClinicalThresholds thresholds) {
        return pooled.dyads() < thresholds.networkSdMinDyads();
    }

    /** The pooled figures for this course's month: taken and kept if it is the month's first and enough dyads pooled. */
    private NetworkSd.Pooled snapshotFor(DyadCourse course, ClinicalThresholds thresholds) {
        if (nothingRecorded(course)) {
            return NetworkSd.Pooled.NONE;
        }
        LocalDate month = monthOf(course.sessions().get(0).scheduledAt());
        NetworkSd.Pooled known = snapshots.get(month);
        if (known != null) {
            return known;
        }
        pooling.merge(month, 1, Integer::sum);
        try {
            NetworkSd.Pooled taken = take(month, thresholds);
            if (!thin(taken, thresholds) || !outdated.contains(month)) {
                snapshots.put(month, taken); // not a thin one that history arriving meanwhile may have outdated
            }
            return taken;
        } finally {
            if (pooling.computeIfPresent(month, (m, n) -> n == 1 ? null : n - 1) == null) {
                outdated.remove(month);
            }
        }
    }

    /** The month's stored snapshot, or it pooled now and stored unless the prior still stands in. */
    private NetworkSd.Pooled take(LocalDate month, ClinicalThresholds thresholds) {
        // its own transaction: a snapshot does not depend on (nor roll back with) the batch that first needed it
        return QuarkusTransaction.requiringNew().call(() -> {
            NetworkSd.Pooled kept = stored(month);
            if (kept != null && !thin(kept, thresholds)) {
                return kept;
            }
            NetworkSd.Pooled pooled = pool(month);
            if (thin(pooled, thresholds)) {
                return pooled; // the prior stands in; not kept, so the month's history can still arrive
            }
            // a thin row kept by an earlier version gives way; a full one stored meanwhile by another instance stands
            entityManager.createNativeQuery("""
                    INSERT INTO network_sd_snapshot (month, dyads, squares, degrees_of_freedom, bond_squares,
                        goals_squares, tasks_squares, computed_at)
                    VALUES (:month, :dyads, :squares, :df, :bond, :goals, :tasks, now())
                    ON CONFLICT (month) DO UPDATE SET dyads = excluded.dyads, squares = excluded.squares,
                        degrees_of_freedom = excluded.degrees_of_freedom, bond_squares = excluded.bond_squares,
                        goals_squares = excluded.goals_squares, tasks_squares = excluded.tasks_squares,
                        computed_at = excluded.computed_at
                    WHERE network_sd_snapshot.dyads < :min
                    """).setParameter("month", month).setParameter("dyads", pooled.dyads())
                    .setParameter("min", thresholds.networkSdMinDyads())
                    .setParameter("squares", pooled.squares()).setParameter("df", pooled.degreesOfFreedom())
                    .setParameter("bond", pooled.bondSquares()).setParameter("goals", pooled.goalsSquares())
                    .setParameter("tasks", pooled.tasksSquares())
                    .executeUpdate();
            return stored(month); // another consumer may have taken it first: theirs stands
        });
    }

    /**
     * For a what-if replay, which changes nothing: the snapshots as {@link #snapshotFor} would give them, but a month
     * not taken yet is pooled without being stored — once per month for the returned lookup, not once per course.
     */
    public Function<DyadCourse, NetworkSd.Pooled> lookingOnly() {
        Map<LocalDate, NetworkSd.Pooled> seen = new HashMap<>();
        return course -> {
            if (nothingRecorded(course)) {
                return NetworkSd.Pooled.NONE;
            }
            LocalDate month = monthOf(course.sessions().get(0).scheduledAt());
            NetworkSd.Pooled known = snapshots.get(month);
            return known != null ? known : seen.computeIfAbsent(month,
                    m -> QuarkusTransaction.requiringNew().call(() -> {
                        NetworkSd.Pooled stored = stored(m);
                        return stored != null && !thin(stored, rules.thresholds()) ? stored : pool(m);
                    }));
        };
    }

    /** Forgets the kept snapshots (a rebuild clears the table and takes them afresh). */
    public void refresh() {
        snapshots.clear();
    }

    /** The first day whose sessions a month's snapshot pools. */
    private LocalDate lookbackStart(LocalDate month) {
        return LocalDate.ofInstant(month.atStartOfDay(ZoneOffset.UTC).toInstant().minus(config.networkSdLookback()),
                ZoneOffset.UTC);
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
        LocalDate from = lookbackStart(month);
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
