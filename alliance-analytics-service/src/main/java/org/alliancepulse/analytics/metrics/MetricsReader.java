package org.alliancepulse.analytics.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.alliancepulse.analytics.rules.RulesConfig;

/**
 * Reads the counts of CLINICAL.md's metrics for a scope (the network, a clinic, a therapist) and a period of
 * session dates, per unit of the scope's breakdown (clinics of the network, therapists of a clinic) and for the
 * whole scope, from the state the consumers keep. Event time throughout: sessions, measures and endings by their
 * own dates, alerts by the date of the session they arose at.
 */
@jakarta.enterprise.context.ApplicationScoped
public class MetricsReader {

    /** The key of the scope's own row. */
    static final String TOTAL = "";
    /** What a unit's key (a clinic's or therapist's id) starts with. */
    static final String UNIT = "unit:";
    /** What a month's key ({@code yyyy-MM}, of the sessions' own dates) starts with. */
    static final String MONTH = "month:";

    @Inject
    EntityManager entityManager;

    @Inject
    RulesConfig rules;

    /** What a request is about. */
    public record Scope(Level level, String id) {
    }

    public enum Level {
        NETWORK, CLINIC, THERAPIST
    }

    /** One row: the counts (by {@link Count} ordinal), the sums behind the means, the median hours to acknowledge. */
    static final class Row {
        final long[] counts = new long[Count.values().length];
        double intakeOrsSum;
        double srsSum;
        Double medianHoursToAcknowledge;

        long get(Count count) {
            return counts[count.ordinal()];
        }

        void set(Count count, long value) {
            counts[count.ordinal()] = value;
        }
    }

    /**
     * The scope's row under {@link #TOTAL}, its units' rows under {@link #UNIT} + id and its months' under
     * {@link #MONTH} + {@code yyyy-MM}, sorted; read in one pass per source.
     */
    Map<String, Row> read(Scope scope, LocalDate from, LocalDate to) {
        Map<String, Row> rows = new TreeMap<>();
        rows.put(TOTAL, new Row());
        sessions(scope, from, to, rows);
        srs(scope, from, to, rows);
        intakeOrs(scope, from, to, rows);
        endings(scope, from, to, rows);
        alerts(scope, from, to, rows);
        ruptures(scope, from, to, rows);
        everyMonth(from, to, rows);
        for (Row row : rows.values()) {
            row.set(Count.ATTENDED_WITHOUT_FEEDBACK, row.get(Count.SESSIONS_ATTENDED)
                    - row.get(Count.ATTENDED_WITH_FEEDBACK));
            row.set(Count.SRS_36_OR_MORE, row.get(Count.SRS_GIVEN) - row.get(Count.SRS_BELOW_36));
            row.set(Count.RUPTURES_NOT_REPAIRED_WITHIN_6, row.get(Count.RUPTURES_DECIDED)
                    - row.get(Count.RUPTURES_REPAIRED_WITHIN_6));
            row.set(Count.OTHER_ENDINGS, row.get(Count.ENDINGS) - row.get(Count.DROPOUTS));
            row.set(Count.NOT_RELIABLY_IMPROVED, row.get(Count.ENDINGS_WITH_TWO_ORS)
                    - row.get(Count.RELIABLY_IMPROVED));
            row.set(Count.OTHER_ALERTS, row.get(Count.ALERTS) - row.get(Count.RUPTURE_ALERTS)
                    - row.get(Count.UNRESOLVED_RUPTURE_ALERTS) - row.get(Count.FIT_CONCERN_ALERTS)
                    - row.get(Count.DROPOUT_RISK_ALERTS));
        }
        if (scope.level() == Level.THERAPIST) {
            rows.keySet().removeIf(key -> key.startsWith(UNIT)); // a therapist has no units
        }
        return rows;
    }

    /**
     * Sessions by their date: recorded (an attendance, or answers, which mean the client was there, as the course
     * reads them), attended, attended with answers; active clients and therapist-weeks with a recorded session.
     */
    private void sessions(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        for (Object[] r : grouped(scope, "s", "s.session_date", """
                SELECT %s, count(DISTINCT s.client_id) FILTER (WHERE s.attendance IS NOT NULL OR a.answered),
                       count(*) FILTER (WHERE s.attendance = 'ATTENDED' OR (s.attendance IS NULL AND a.answered)),
                       count(*) FILTER (WHERE a.answered AND (s.attendance IS NULL OR s.attendance = 'ATTENDED')),
                       count(DISTINCT (s.therapist_id, date_trunc('week', s.session_date)))
                           FILTER (WHERE s.attendance IS NOT NULL OR a.answered)
                FROM session_record s
                CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM feedback_measure f
                                                   WHERE f.session_id = s.session_id) AS answered) a
                WHERE s.session_date BETWEEN :from AND :to AND %s
                GROUP BY GROUPING SETS (%s, ())
                """, from, to)) {
            Row row = row(rows, r);
            row.set(Count.ACTIVE_CLIENTS, count(r[1]));
            row.set(Count.SESSIONS_ATTENDED, count(r[2]));
            row.set(Count.ATTENDED_WITH_FEEDBACK, count(r[3]));
            row.set(Count.THERAPIST_WEEKS, count(r[4]));
        }
    }

    private void srs(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        for (Object[] r : grouped(scope, "f", "f.session_date", """
                SELECT %s, count(*), count(*) FILTER (WHERE f.total < 36), coalesce(sum(f.total), 0)
                FROM feedback_measure f
                WHERE f.instrument = 'SRS' AND f.session_date BETWEEN :from AND :to AND %s
                GROUP BY GROUPING SETS (%s, ())
                """, from, to)) {
            Row row = row(rows, r);
            row.set(Count.SRS_GIVEN, count(r[1]));
            row.set(Count.SRS_BELOW_36, count(r[2]));
            row.srsSum = ((Number) r[3]).doubleValue();
        }
    }

    /** The first ORS of each episode, counted in the period its session falls in. */
    private void intakeOrs(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        for (Object[] r : grouped(scope, "f", "f.session_date", """
                WITH firsts AS (
                    SELECT DISTINCT ON (s.episode_id) m.clinic_id, m.therapist_id, m.total, m.session_date
                    FROM feedback_measure m JOIN session_record s ON s.session_id = m.session_id
                    WHERE m.instrument = 'ORS' AND s.episode_id IS NOT NULL
                    ORDER BY s.episode_id, m.session_date, s.session_number)
                SELECT %s, count(*), coalesce(sum(f.total), 0)
                FROM firsts f
                WHERE f.session_date BETWEEN :from AND :to AND %s
                GROUP BY GROUPING SETS (%s, ())
                """, from, to)) {
            Row row = row(rows, r);
            row.set(Count.INTAKE_ORS, count(r[1]));
            row.intakeOrsSum = ((Number) r[2]).doubleValue();
        }
    }

    /** Episodes that ended in the period, with the therapist they ended with and their first and last ORS. */
    private void endings(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        Query query = query(scope, "e", "e.end_date", """
                WITH ended AS (
                    SELECT e.clinic_id, e.ending, e.end_date,
                           (SELECT d.therapist_id FROM dyad d WHERE d.episode_id = e.episode_id
                            ORDER BY d.started_at DESC LIMIT 1) AS therapist_id,
                           (SELECT array_agg(m.total ORDER BY m.session_date, s.session_number)
                            FROM feedback_measure m JOIN session_record s ON s.session_id = m.session_id
                            WHERE s.episode_id = e.episode_id AND m.instrument = 'ORS') AS ors
                    FROM episode_of_care e
                    WHERE e.ending IS NOT NULL AND e.end_date BETWEEN :from AND :to)
                SELECT %s, count(*), count(*) FILTER (WHERE e.ending = 'DROPOUT'),
                       count(*) FILTER (WHERE cardinality(e.ors) >= 2),
                       count(*) FILTER (WHERE cardinality(e.ors) >= 2
                                        AND e.ors[cardinality(e.ors)] - e.ors[1] >= :reliable)
                FROM ended e
                WHERE %s
                GROUP BY GROUPING SETS (%s, ())
                """, from, to);
        query.setParameter("reliable", rules.thresholds().orsReliableChange());
        for (Object[] r : results(query)) {
            Row row = row(rows, r);
            row.set(Count.ENDINGS, count(r[1]));
            row.set(Count.DROPOUTS, count(r[2]));
            row.set(Count.ENDINGS_WITH_TWO_ORS, count(r[3]));
            row.set(Count.RELIABLY_IMPROVED, count(r[4]));
        }
    }

    /** Alerts by the date of the session they arose at; hours from raised to acknowledged (people's time). */
    private void alerts(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        Query query = query(scope, "a", "a.session_date", """
                SELECT %s, count(*), count(*) FILTER (WHERE a.kind = 'RUPTURE'),
                       count(*) FILTER (WHERE a.kind = 'UNRESOLVED_RUPTURE'),
                       count(*) FILTER (WHERE a.kind = 'FIT_CONCERN'), count(*) FILTER (WHERE a.kind = 'DROPOUT_RISK'),
                       count(a.acknowledged_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.acknowledged_at - a.raised_at))
                FROM alert a
                WHERE a.session_date BETWEEN :from AND :to AND %s
                GROUP BY GROUPING SETS (%s, ())
                """, from, to);
        for (Object[] r : results(query)) {
            Row row = row(rows, r);
            row.set(Count.ALERTS, count(r[1]));
            row.set(Count.RUPTURE_ALERTS, count(r[2]));
            row.set(Count.UNRESOLVED_RUPTURE_ALERTS, count(r[3]));
            row.set(Count.FIT_CONCERN_ALERTS, count(r[4]));
            row.set(Count.DROPOUT_RISK_ALERTS, count(r[5]));
            row.set(Count.ALERTS_ACKNOWLEDGED, count(r[6]));
            row.medianHoursToAcknowledge = r[7] == null ? null : ((Number) r[7]).doubleValue() / 3600;
        }
    }

    /**
     * Ruptures detected in the period (a session whose state turned RUPTURE), scored sessions in the period, and
     * what became of each rupture: repaired within the window (REPAIRED without passing UNRESOLVED), not (turned
     * UNRESOLVED), or not decided yet (still open: not counted in the share repaired).
     */
    private void ruptures(Scope scope, LocalDate from, LocalDate to, Map<String, Row> rows) {
        // a session's date where it was held (session_record); an assessment without its record, its UTC date
        Query query = query(scope, "d", "a.session_date", """
                WITH dated AS (
                    SELECT a.*,
                           coalesce(r.session_date, CAST(a.scheduled_at AT TIME ZONE 'UTC' AS date)) AS session_date
                    FROM session_assessment a LEFT JOIN session_record r ON r.session_id = a.session_id)
                SELECT %s, a.dyad_id, a.session_date BETWEEN :from AND :to,
                       a.attendance = 'ATTENDED' AND a.alliance_index IS NOT NULL, a.rupture_state
                FROM dated a JOIN dyad d ON d.id = a.dyad_id
                WHERE a.dyad_id IN (SELECT dyad_id FROM dated WHERE session_date BETWEEN :from AND :to)
                  AND %s
                ORDER BY a.dyad_id, a.session_number, a.scheduled_at
                """, from, to);
        Object dyad = null;
        String[] detectedIn = null; // the unit and month the open rupture was detected in: its outcome counts there
        boolean open = false;
        boolean counted = false; // the open rupture was detected in the period
        for (Object[] r : results(query)) {
            if (!r[2].equals(dyad)) {
                dyad = r[2];
                open = false;
                counted = false;
            }
            String[] unit = { UNIT + r[0], MONTH + r[1] };
            boolean inPeriod = (Boolean) r[3];
            String state = (String) r[5];
            if (inPeriod && (Boolean) r[4]) {
                add(rows, unit, Count.SCORED_SESSIONS);
            }
            boolean ruptured = state.equals("RUPTURE") || state.equals("UNRESOLVED");
            if (ruptured && !open) {
                open = true;
                counted = inPeriod;
                detectedIn = unit;
                if (counted) {
                    add(rows, unit, Count.RUPTURES);
                }
            }
            if (open && counted && (state.equals("UNRESOLVED") || state.equals("REPAIRED"))) {
                add(rows, detectedIn, Count.RUPTURES_DECIDED);
                if (state.equals("REPAIRED")) {
                    add(rows, detectedIn, Count.RUPTURES_REPAIRED_WITHIN_6);
                }
                counted = false; // decided: a late repair after UNRESOLVED is not "within 6"
            }
            if (!ruptured) {
                open = false;
            }
        }
    }

    private static void add(Map<String, Row> rows, String[] unitAndMonth, Count count) {
        for (String key : List.of(unitAndMonth[0], unitAndMonth[1], TOTAL)) {
            Row row = rows.computeIfAbsent(key, k -> new Row());
            row.set(count, row.get(count) + 1);
        }
    }

    /** The longest period whose every month is listed; a longer one lists its months from first to last figures. */
    static final int MONTHS_LISTED = 240;

    /**
     * Every calendar month of the period has its row, zeros included, so that a chart over the months does not join
     * August to October (outside probe: a month without sessions was left out). A period longer than
     * {@link #MONTHS_LISTED} months (the API takes 1900-2999) lists the months from its first to its last month with
     * figures instead of centuries of zeros.
     */
    private static void everyMonth(LocalDate from, LocalDate to, Map<String, Row> rows) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        if (ChronoUnit.MONTHS.between(first, last) >= MONTHS_LISTED) {
            List<String> withFigures = rows.keySet().stream().filter(k -> k.startsWith(MONTH))
                    .map(k -> k.substring(MONTH.length())).toList();
            if (withFigures.isEmpty()) {
                return;
            }
            first = YearMonth.parse(withFigures.get(0));
            last = YearMonth.parse(withFigures.get(withFigures.size() - 1));
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            rows.putIfAbsent(MONTH + month, new Row());
        }
    }

    /** A grouped query whose first column is the row's key (see {@link #query}). */
    private List<Object[]> grouped(Scope scope, String alias, String date, String sql, LocalDate from,
            LocalDate to) {
        return results(query(scope, alias, date, sql, from, to));
    }

    /**
     * Fills into the SQL what it selects first, the scope's condition and the grouping, and binds the scope and the
     * period. A grouped query is grouped by unit, by month (of {@code date}) and not at all, in one pass, and selects
     * the row's key first ({@link #UNIT} + unit, {@link #MONTH} + month, or {@link #TOTAL}); any other query selects
     * the unit and the month as its first two columns.
     */
    private Query query(Scope scope, String alias, String date, String sql, LocalDate from, LocalDate to) {
        String unit = scope.level() == Level.NETWORK ? alias + ".clinic_id"
                : "CAST(" + alias + ".therapist_id AS text)";
        String month = "to_char(" + date + ", 'YYYY-MM')";
        String condition = switch (scope.level()) {
            case NETWORK -> "TRUE";
            case CLINIC -> alias + ".clinic_id = :scope";
            case THERAPIST -> alias + ".therapist_id = CAST(:scope AS uuid)";
        };
        String select = sql.contains("GROUPING SETS")
                ? "CASE WHEN GROUPING(" + unit + ") = 0 THEN '" + UNIT + "' || " + unit + " WHEN GROUPING(" + month
                        + ") = 0 THEN '" + MONTH + "' || " + month + " ELSE '" + TOTAL + "' END"
                : unit + ", " + month;
        Query query = entityManager.createNativeQuery(String.format(sql, select, condition,
                "(" + unit + "), (" + month + ")"));
        if (scope.level() != Level.NETWORK) {
            query.setParameter("scope", scope.id());
        }
        if (from != null) {
            query.setParameter("from", from);
            query.setParameter("to", to);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query) {
        return query.getResultList();
    }

    /** The row a grouped result belongs to, by the key it selected first. */
    private static Row row(Map<String, Row> rows, Object[] r) {
        return rows.computeIfAbsent((String) r[0], k -> new Row());
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
