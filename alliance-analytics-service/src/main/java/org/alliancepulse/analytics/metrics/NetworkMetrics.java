package org.alliancepulse.analytics.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.access.TherapistLogin;
import org.alliancepulse.analytics.dyad.ClinicNames;
import org.alliancepulse.analytics.metrics.MetricsReader.Level;
import org.alliancepulse.analytics.metrics.MetricsReader.Row;
import org.alliancepulse.analytics.metrics.MetricsReader.Scope;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * CLINICAL.md's metrics for administrators, for a scope and a period, with its breakdown (the network's clinics, a
 * clinic's therapists), after small-cell suppression: every count behind a figure, in every row, is a cell of one
 * table whose sums (a scope's count is its units' counts added up, an alert count its kinds') are protected together
 * by {@link SmallCells}; a rate or a mean is shown only while every count it is made of is.
 */
@ApplicationScoped
public class NetworkMetrics {

    @Inject
    MetricsReader reader;

    @Inject
    MetricsConfig config;

    /** One figure: its value (null when suppressed or when there is nothing to divide), its basis, suppressed. */
    @Schema(example = "{\"value\":0.184,\"n\":49,\"suppressed\":false}")
    public record Cell(Number value, Long n, boolean suppressed) {

        /** A figure as plain as it is: a count or a whole mean reads 36, not 36.0; a share 0.214. */
        static Cell shown(Double value, Long n) {
            boolean whole = value != null && value == Math.rint(value) && Math.abs(value) < 1e15;
            return new Cell(whole ? (Number) value.longValue() : value, n, false);
        }
    }

    /**
     * One unit's figures, by metric name. {@code name}: how people know the unit - a therapist's login (staff data,
     * not PHI; a UUID means nothing to the clinic's staff), a clinic's name as intake announced it; none for a month.
     */
    public record Unit(String id,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = "how people know the unit: a clinic's name, a therapist's login; absent for a month")
            String name, Map<String, Cell> figures) {
    }

    @Schema(example = "{\"level\":\"CLINIC\",\"id\":\"north\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\","
            + "\"suppressionThreshold\":10,\"figures\":{\"activeClients\":{\"value\":143,\"suppressed\":false},"
            + "\"dropoutRate\":{\"value\":null,\"suppressed\":true}},\"breakdown\":[{\"id\":"
            + "\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\",\"name\":\"dr-north\","
            + "\"figures\":{\"activeClients\":{\"value\":24,"
            + "\"suppressed\":false}}}],\"months\":[{\"id\":\"2026-01\",\"figures\":{\"activeClients\":{\"value\":98,"
            + "\"suppressed\":false}}}]}")
    public record Report(Level level, String id, LocalDate from, LocalDate to, int suppressionThreshold,
            Map<String, Cell> figures, List<Unit> breakdown, List<Unit> months) {
    }

    /** How each metric is made of the counts. */
    private record Metric(String name, List<Count> counts, Function<Row, Double> value, Count basis) {
    }

    private static final List<Metric> METRICS = List.of(
            count("activeClients", Count.ACTIVE_CLIENTS),
            count("sessions", Count.SESSIONS_ATTENDED),
            rate("feedbackCompletionRate", Count.ATTENDED_WITH_FEEDBACK, Count.SESSIONS_ATTENDED,
                    Count.ATTENDED_WITHOUT_FEEDBACK),
            new Metric("meanIntakeOrs", List.of(Count.INTAKE_ORS),
                    r -> mean(r.intakeOrsSum, r.get(Count.INTAKE_ORS), 10), Count.INTAKE_ORS),
            new Metric("meanSrs", List.of(Count.SRS_GIVEN), r -> mean(r.srsSum, r.get(Count.SRS_GIVEN), 10),
                    Count.SRS_GIVEN),
            rate("shareSessionsSrsBelow36", Count.SRS_BELOW_36, Count.SRS_GIVEN, Count.SRS_36_OR_MORE),
            new Metric("rupturesPer100ScoredSessions", List.of(Count.RUPTURES, Count.SCORED_SESSIONS),
                    r -> mean(100.0 * r.get(Count.RUPTURES), r.get(Count.SCORED_SESSIONS), 100),
                    Count.SCORED_SESSIONS),
            rate("shareRupturesRepairedWithin6", Count.RUPTURES_REPAIRED_WITHIN_6, Count.RUPTURES_DECIDED,
                    Count.RUPTURES_NOT_REPAIRED_WITHIN_6),
            rate("dropoutRate", Count.DROPOUTS, Count.ENDINGS, Count.OTHER_ENDINGS),
            rate("shareReliablyImproved", Count.RELIABLY_IMPROVED, Count.ENDINGS_WITH_TWO_ORS,
                    Count.NOT_RELIABLY_IMPROVED),
            count("alertsRaised", Count.ALERTS),
            count("ruptureAlerts", Count.RUPTURE_ALERTS),
            count("unresolvedRuptureAlerts", Count.UNRESOLVED_RUPTURE_ALERTS),
            count("fitConcernAlerts", Count.FIT_CONCERN_ALERTS),
            count("dropoutRiskAlerts", Count.DROPOUT_RISK_ALERTS),
            new Metric("medianHoursToAcknowledge", List.of(Count.ALERTS_ACKNOWLEDGED),
                    r -> r.medianHoursToAcknowledge == null ? null
                            : Math.round(r.medianHoursToAcknowledge * 10) / 10.0, Count.ALERTS_ACKNOWLEDGED),
            new Metric("alertsPerTherapistWeek", List.of(Count.ALERTS, Count.THERAPIST_WEEKS),
                    r -> mean(r.get(Count.ALERTS), r.get(Count.THERAPIST_WEEKS), 100), Count.THERAPIST_WEEKS));

    /**
     * The breakdown's names by unit id: a clinic's name and a therapist's login, once intake announced them (until
     * then the id).
     */
    private static Map<String, String> namesOf(Level level, List<String> unitIds) {
        Map<String, String> names = new HashMap<>();
        unitIds.forEach(id -> names.put(id, id));
        if (level == Level.NETWORK && !unitIds.isEmpty()) {
            names.putAll(TherapistLogin.getEntityManager().unwrap(org.hibernate.Session.class)
                    .doReturningWork(connection -> ClinicNames.of(connection, unitIds)));
        }
        if (level == Level.CLINIC && !unitIds.isEmpty()) {
            TherapistLogin.<TherapistLogin>list("therapistId in ?1", unitIds.stream().map(UUID::fromString).toList())
                    .forEach(login -> names.put(login.therapistId.toString(), login.username));
        }
        return names;
    }

    public Report report(Scope scope, String from, String to) {
        LocalDate until = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate since = date("from", from, until.minusDays(config.defaultPeriodDays() - 1L));
        if (until.isBefore(since)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Map<String, Row> read = reader.read(scope, since, until);
        // one table: the scope's row, its units' rows, its months' rows; both breakdowns add up to the scope
        List<Row> rows = new ArrayList<>();
        rows.add(read.get(MetricsReader.TOTAL));
        List<String> unitIds = ids(read, MetricsReader.UNIT);
        List<String> monthIds = ids(read, MetricsReader.MONTH);
        unitIds.forEach(u -> rows.add(read.get(MetricsReader.UNIT + u)));
        monthIds.forEach(m -> rows.add(read.get(MetricsReader.MONTH + m)));
        int columns = Count.values().length;
        long[] cells = new long[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r).counts, 0, cells, r * columns, columns);
        }
        List<SmallCells.Sum> sums = new ArrayList<>();
        sums.addAll(sums(1, unitIds.size(), Set.of()));
        // a client active in three months is one client of the period, a week across two months one week: those
        // counts do not add up over months, so no month sum is claimed for them
        sums.addAll(sums(1 + unitIds.size(), monthIds.size(), Set.of(Count.ACTIVE_CLIENTS, Count.THERAPIST_WEEKS)));
        for (int r = 0; r < rows.size(); r++) {
            sums.addAll(partsOf(r));
        }
        Set<Integer> hidden = SmallCells.suppress(cells, sums, config.smallCellThreshold());

        Map<String, Cell> own = figures(rows.get(0), 0, hidden);
        List<Unit> breakdown = new ArrayList<>();
        Map<String, String> names = namesOf(scope.level(), unitIds);
        for (int i = 0; i < unitIds.size(); i++) {
            breakdown.add(new Unit(unitIds.get(i), names.get(unitIds.get(i)), figures(rows.get(1 + i), 1 + i, hidden)));
        }
        List<Unit> byMonth = new ArrayList<>();
        for (int i = 0; i < monthIds.size(); i++) {
            int r = 1 + unitIds.size() + i;
            byMonth.add(new Unit(monthIds.get(i), null, figures(rows.get(r), r, hidden)));
        }
        return new Report(scope.level(), scope.id(), since, until, config.smallCellThreshold(), own, breakdown,
                byMonth);
    }

    /**
     * The scope's row (row 0) is, count by count, the sum of {@code count} rows from {@code first} (its units, or
     * its months), except the counts that do not add up that way.
     */
    private static List<SmallCells.Sum> sums(int first, int count, Set<Count> notAdditive) {
        int columns = Count.values().length;
        List<SmallCells.Sum> sums = new ArrayList<>();
        if (count == 0) {
            return sums;
        }
        for (Count c : Count.values()) {
            if (!notAdditive.contains(c)) {
                List<Integer> parts = new ArrayList<>();
                for (int r = first; r < first + count; r++) {
                    parts.add(r * columns + c.ordinal());
                }
                sums.add(new SmallCells.Sum(c.ordinal(), parts));
            }
        }
        return sums;
    }

    private static List<String> ids(Map<String, Row> read, String prefix) {
        return read.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .toList();
    }

    /** Within one row: the counts that are the sum of others (attended = with + without feedback, ...). */
    private static List<SmallCells.Sum> partsOf(int row) {
        int columns = Count.values().length;
        List<SmallCells.Sum> sums = new ArrayList<>();
        for (Count c : Count.values()) {
            if (!c.parts().isEmpty()) {
                sums.add(new SmallCells.Sum(row * columns + c.ordinal(),
                        c.parts().stream().map(p -> row * columns + p.ordinal()).toList()));
            }
        }
        return sums;
    }

    private static Map<String, Cell> figures(Row row, int r, Set<Integer> hidden) {
        int columns = Count.values().length;
        Map<String, Cell> figures = new LinkedHashMap<>();
        for (Metric metric : METRICS) {
            boolean suppressed = metric.counts().stream().anyMatch(c -> hidden.contains(r * columns + c.ordinal()));
            figures.put(metric.name(), suppressed ? new Cell(null, null, true)
                    : Cell.shown(metric.value().apply(row), metric.basis() == null ? null : row.get(metric.basis())));
        }
        return figures;
    }

    private static Metric count(String name, Count count) {
        return new Metric(name, List.of(count), r -> (double) r.get(count), null);
    }

    /** A share: shown only while its numerator, its denominator and what is left of it are. */
    private static Metric rate(String name, Count numerator, Count denominator, Count rest) {
        return new Metric(name, List.of(numerator, denominator, rest),
                r -> mean(r.get(numerator), r.get(denominator), 1000), denominator);
    }

    /** {@code sum / n} rounded to 1 / {@code scale}; null when n is 0. */
    private static Double mean(double sum, long n, int scale) {
        return n == 0 ? null : Math.round(sum / n * scale) / (double) scale;
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        return value == null || value.isBlank() ? otherwise : QueryParameters.date(field, value).orElseThrow();
    }
}
