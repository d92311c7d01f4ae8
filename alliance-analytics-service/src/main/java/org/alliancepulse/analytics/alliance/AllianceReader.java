package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.access.DyadAccess;
import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.alert.AlertView;
import org.alliancepulse.analytics.assessment.NetworkSpread;
import org.alliancepulse.analytics.assessment.SessionAssessmentRecord;
import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.CourseSummary;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.dyad.ClientRows;
import org.alliancepulse.analytics.dyad.SessionRecord;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.FeedbackMeasure;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.RuptureState;
import org.alliancepulse.analytics.rules.RulesConfig;
import org.alliancepulse.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a client's alliance for the caller: the dyads the caller may see (admins and the client's clinic's staff all
 * of them, a therapist their own), each from what the rules stored per session; no rule is run again here. The
 * dyad's state (running and rolling means, attendance, ORS) is summed up from its course, in event time.
 */
@RequestScoped
public class AllianceReader {

    @Inject
    DyadAccess access;

    @Inject
    ObjectMapper json;

    @Inject
    RulesConfig rules;

    @Inject
    NetworkSpread spread;

    /** @throws ProblemException 404 when the client has no dyad the caller may see (or none at all) */
    public DyadAlliance.ClientAlliance of(UUID clientId) {
        ClientRows rows = new ClientRows();
        rows.load(List.of(clientId));
        List<Dyad> dyads = rows.dyadsOf(clientId);
        if (dyads.isEmpty()) {
            throw ProblemException.notFound("no such client for you");
        }
        // one client, one clinic: whoever may read the client reads every dyad of their course (asked once)
        access.requireRead(clientId, dyads.get(0).clinicId, "client");
        Set<UUID> dyadIds = dyads.stream().map(d -> d.id).collect(Collectors.toSet());
        Map<UUID, List<SessionAssessmentRecord>> sessionsByDyad = SessionAssessmentRecord
                .<SessionAssessmentRecord>list("dyadId in ?1 order by sessionNumber, scheduledAt", dyadIds).stream()
                .collect(Collectors.groupingBy(r -> r.dyadId));
        Map<UUID, List<FeedbackMeasure>> measuresBySession = rows.measures().stream()
                .collect(Collectors.groupingBy(m -> m.sessionId));
        Map<UUID, List<Alert>> openAlertsByDyad = Alert.<Alert>list(
                "dyadId in ?1 and status <> ?2 order by occurredAt desc", dyadIds, Alert.Status.RESOLVED).stream()
                .collect(Collectors.groupingBy(a -> a.dyadId));
        ClinicalThresholds thresholds = rules.thresholds();
        Function<DyadCourse, NetworkSd.Pooled> network = spread.lookingOnly();

        List<DyadAlliance.Dyad> views = new ArrayList<>();
        for (Dyad dyad : dyads) {
            DyadCourse course = rows.courseOf(dyad).course();
            Map<UUID, Double> rolling = new HashMap<>();
            List<Double> means = CourseSummary.rollingMeans(course);
            for (int i = 0; i < means.size(); i++) {
                rolling.put(course.sessions().get(i).sessionId(), means.get(i));
            }
            List<SessionAssessmentRecord> assessed = sessionsByDyad.getOrDefault(dyad.id, List.of());
            Function<SessionAssessmentRecord, LocalDate> day = r -> dayOf(rows.session(r.sessionId), r);
            List<DyadAlliance.SessionPoint> points = assessed.stream().map(r -> point(r, day.apply(r),
                    rolling.get(r.sessionId), measuresBySession.getOrDefault(r.sessionId, List.of()))).toList();
            views.add(new DyadAlliance.Dyad(dyad.id, dyad.therapistId, dyad.clinicId, dyad.episodeId, dyad.startedAt,
                    dyad.endedAt, dyad.endReason == null ? null : dyad.endReason.name(), dyad.reassignmentReason,
                    !dyad.ended(),
                    state(CourseSummary.of(course), network.apply(course).sd(thresholds)), points,
                    ruptures(assessed, day), risk(assessed, day), openAlertsByDyad.getOrDefault(dyad.id, List.of()).stream()
                            .map(AlertView::of).toList()));
        }
        return new DyadAlliance.ClientAlliance(clientId, dyads.get(dyads.size() - 1).clientCode, views);
    }

    /** The course's summary as shown, with the network SD the course is judged with; figures to 2 decimals. */
    static DyadAlliance.State state(CourseSummary s, double networkSd) {
        Double change = s.orsFirst() == null ? null : round(s.orsLatest() - s.orsFirst());
        return new DyadAlliance.State(s.scoredSessions(), round(s.runningMean()), round(s.withinDyadSd()),
                round(s.rollingMean()), round(networkSd), s.recordedSessions(), s.attended(), s.noShows(),
                s.lateCancellations(), s.otherCancellations(), round(s.usualIntervalDays()),
                round(s.daysSinceLastAttended()), s.orsFirst(), s.orsLatest(), change);
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static DyadAlliance.SessionPoint point(SessionAssessmentRecord r, LocalDate day, Double rollingMean,
            List<FeedbackMeasure> measures) {
        return new DyadAlliance.SessionPoint(r.sessionId, r.sessionNumber, day, r.scheduledAt, r.attendance,
                r.allianceIndex, round(rollingMean), measures.stream()
                        .sorted(Comparator.comparing((FeedbackMeasure m) -> m.instrument))
                        .map(m -> new DyadAlliance.Measure(m.instrument, number(m.total), number(m.allianceIndex),
                                number(m.bondIndex), number(m.goalsIndex), number(m.tasksIndex),
                                m.correctedAt != null))
                        .toList(),
                r.lowAlliance, r.ruptureState, split(r.pillars), r.fitConcern, r.riskScore);
    }

    /** The rupture episodes, read off the states the rules stored per session. */
    static List<DyadAlliance.RuptureEpisode> ruptures(List<SessionAssessmentRecord> rows,
            Function<SessionAssessmentRecord, LocalDate> day) {
        List<DyadAlliance.RuptureEpisode> episodes = new ArrayList<>();
        SessionAssessmentRecord detected = null;
        boolean unresolved = false;
        for (SessionAssessmentRecord row : rows) {
            RuptureState state = RuptureState.valueOf(row.ruptureState);
            if (state == RuptureState.RUPTURE || state == RuptureState.UNRESOLVED) {
                if (detected == null) {
                    detected = row;
                }
                unresolved |= state == RuptureState.UNRESOLVED;
            } else if (detected != null) {
                boolean repaired = state == RuptureState.REPAIRED;
                episodes.add(new DyadAlliance.RuptureEpisode(detected.sessionNumber, day.apply(detected),
                        split(detected.pillars), repaired ? "REPAIRED" : unresolved ? "UNRESOLVED" : "OPEN",
                        repaired ? row.sessionNumber : null, repaired ? day.apply(row) : null));
                detected = null;
                unresolved = false;
            }
        }
        if (detected != null) {
            episodes.add(new DyadAlliance.RuptureEpisode(detected.sessionNumber, day.apply(detected),
                    split(detected.pillars), unresolved ? "UNRESOLVED" : "OPEN", null, null));
        }
        return episodes;
    }

    /** The score after the latest recorded session (one not recorded yet keeps the previous score). */
    private DyadAlliance.Risk risk(List<SessionAssessmentRecord> rows,
            Function<SessionAssessmentRecord, LocalDate> day) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            SessionAssessmentRecord row = rows.get(i);
            if (!Attendance.NOT_RECORDED.name().equals(row.attendance)) {
                return new DyadAlliance.Risk(row.riskScore, row.sessionNumber, day.apply(row), factors(row.riskFactors));
            }
        }
        return null;
    }

    private List<DyadAlliance.Factor> factors(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            List<DyadAlliance.Factor> factors = new ArrayList<>(json.readValue(stored,
                    new TypeReference<List<DyadAlliance.Factor>>() {
                    }));
            factors.sort(Comparator.comparingDouble(DyadAlliance.Factor::contribution).reversed());
            return factors;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable risk factors stored", e);
        }
    }

    /** The session's date where it was held, as session-service dated it; the UTC date only for a session unknown. */
    private static LocalDate dayOf(SessionRecord session, SessionAssessmentRecord row) {
        return session != null && session.sessionDate != null ? session.sessionDate
                : LocalDate.ofInstant(row.scheduledAt, ZoneOffset.UTC);
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
