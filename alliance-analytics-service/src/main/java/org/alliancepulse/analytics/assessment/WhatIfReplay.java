package org.alliancepulse.analytics.assessment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.access.KnownUnits;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.DyadCourses;
import org.alliancepulse.analytics.dyad.FeedbackMeasure;
import org.alliancepulse.analytics.dyad.SessionRecord;
import org.alliancepulse.analytics.rules.AlertKind;
import org.alliancepulse.analytics.rules.AlertLifecycle;
import org.alliancepulse.analytics.rules.AlertReasons;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.CourseAssessment;
import org.alliancepulse.analytics.rules.DyadAlert;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.RulesConfig;
import org.alliancepulse.analytics.rules.SessionAssessment;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Runs the rules with other thresholds over the recorded history, beside the live settings, without touching any
 * live state: which alerts each would have raised, and how many per therapist-week. Both sides are computed the same
 * way from the same courses, so the difference is the thresholds' alone.
 */
@ApplicationScoped
public class WhatIfReplay {

    @Inject
    RulesConfig rules;

    @Inject
    NetworkSpread spread;

    /**
     * @param thresholds settings to change, by name ({@code kRupture}, {@code riskRaise}, {@code risk.earlyNoShow},
     *        ...); the rest stay as configured
     * @param from first day of the period (sessions' own dates); default: the first recorded session
     * @param to last day of the period; default: the last recorded session
     * @param clinicId one clinic only; default: the whole network
     */
    @Schema(example = "{\"thresholds\":{\"kRupture\":2.5,\"riskRaise\":0.6},\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}")
    public record Request(Map<String, Double> thresholds, LocalDate from, LocalDate to, String clinicId) {
    }

    /**
     * @param alertsRaised per kind, raised in the period
     * @param therapistWeeks weeks with at least one recorded session, summed over therapists
     * @param alertsPerTherapistWeek all alerts over all therapist-weeks
     * @param medianPerTherapist the median over therapists of each one's alerts per week
     * @param p90PerTherapist the 90th percentile over therapists
     */
    public record Figures(Map<String, Long> alertsRaised, long alertsTotal, long therapists, long therapistWeeks,
            double alertsPerTherapistWeek, double medianPerTherapist, double p90PerTherapist) {
    }

    /**
     * One alert a setting raised in the period, named as the alert views name it (ids and the pseudonymous code,
     * never a name), dated at its session.
     *
     * @param reasons why, as the alert views say it ({@code BOND_FELL}, {@code EARLY_NO_SHOW}, ...)
     * @param live whether the live settings raised it too: an alert of the same kind of the dyad, open at some time
     *        this one was (raised at this session or another)
     */
    @Schema(example = "{\"kind\":\"RUPTURE\",\"dyadId\":\"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\","
            + "\"clientCode\":\"C-7KQ3MZ\",\"therapistId\":\"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e\","
            + "\"clinicId\":\"north\",\"sessionId\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\",\"sessionNumber\":5,"
            + "\"sessionDate\":\"2025-06-02\",\"reasons\":[\"BOND_FELL\"],\"live\":true}")
    public record ReplayedAlert(String kind, UUID dyadId, String clientCode, UUID therapistId, String clinicId,
            UUID sessionId, int sessionNumber, LocalDate sessionDate, List<String> reasons, boolean live) {
    }

    /**
     * @param from the period's first day (the first recorded session's when none was given)
     * @param to its last day (the last recorded session's when none was given)
     * @param dyads the dyads replayed: every dyad of the network (or clinic), each over its whole course, as the rules
     *        need what came before; the period only says which alerts and weeks count
     * @param alerts the alerts the what-if settings would have raised in the period, by session date (at most
     *        {@value #LISTED}; the counts in {@code whatIf} are of all), each saying whether the live settings
     *        raised it too
     * @param notRaised the alerts the live settings raised in the period that the what-if settings would not have
     *        (at most {@value #LISTED})
     * @param listsCut whether either list was cut at {@value #LISTED}
     */
    @Schema(example = """
            {
              "from": "2025-01-01",
              "to": "2025-12-31",
              "clinicId": "north",
              "dyads": 35,
              "liveSettings": {
                "kRupture": 2,
                "riskRaise": 0.5
              },
              "whatIfSettings": {
                "kRupture": 2.5,
                "riskRaise": 0.6
              },
              "live": {
                "alertsRaised": {
                  "DROPOUT_RISK": 1,
                  "FIT_CONCERN": 1,
                  "RUPTURE": 4,
                  "UNRESOLVED_RUPTURE": 1
                },
                "alertsTotal": 7,
                "therapists": 6,
                "therapistWeeks": 40,
                "alertsPerTherapistWeek": 0.175,
                "medianPerTherapist": 0,
                "p90PerTherapist": 0.7
              },
              "whatIf": {
                "alertsRaised": {
                  "DROPOUT_RISK": 1,
                  "FIT_CONCERN": 1,
                  "RUPTURE": 3,
                  "UNRESOLVED_RUPTURE": 1
                },
                "alertsTotal": 6,
                "therapists": 6,
                "therapistWeeks": 40,
                "alertsPerTherapistWeek": 0.15,
                "medianPerTherapist": 0,
                "p90PerTherapist": 0.5
              },
              "alerts": [
                {
                  "kind": "RUPTURE",
                  "dyadId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                  "clientCode": "C-7KQ3MZ",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "clinicId": "north",
                  "sessionId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                  "sessionNumber": 5,
                  "sessionDate": "2025-06-02",
                  "reasons": [
                    "BOND_FELL"
                  ],
                  "live": true
                }
              ],
              "notRaised": [
                {
                  "kind": "RUPTURE",
                  "dyadId": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                  "clientCode": "C-P2W8RT",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "clinicId": "north",
                  "sessionId": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                  "sessionNumber": 4,
                  "sessionDate": "2025-09-15",
                  "reasons": [
                    "TASKS_FELL"
                  ],
                  "live": true
                }
              ],
              "listsCut": false
            }""")
    public record Result(LocalDate from, LocalDate to, String clinicId, int dyads, Map<String, Number> liveSettings,
            Map<String, Number> whatIfSettings, Figures live, Figures whatIf, List<ReplayedAlert> alerts,
            List<ReplayedAlert> notRaised, boolean listsCut) {
    }

    /** How many alerts each list shows at most: a network's year may hold thousands; the counts hold them all. */
    static final int LISTED = 1000;

    public Result run(Request request) {
        ClinicalThresholds live = rules.thresholds();
        ClinicalThresholds other = ThresholdOverrides.apply(live,
                request.thresholds() == null ? Map.of() : request.thresholds());
        // as every date filter takes them (outside probe: 0001-9999 was taken)
        QueryParameters.inSessionYears("from", request.from());
        QueryParameters.inSessionYears("to", request.to());
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (request.clinicId() != null) {
            KnownUnits.requireClinic(request.clinicId()); // as the metrics answer a typo (outside probe: a 200)
        }
        List<Dyad> dyads = request.clinicId() == null ? Dyad.listAll() : Dyad.list("clinicId", request.clinicId());
        Set<UUID> clients = dyads.stream().map(d -> d.clientId).collect(Collectors.toSet());
        List<SessionRecord> sessions = clients.isEmpty() ? List.of() : SessionRecord.list("clientId in ?1", clients);
        List<FeedbackMeasure> measures = clients.isEmpty() ? List.of()
                : FeedbackMeasure.list("clientId in ?1", clients);

        Map<List<UUID>, List<Dyad>> dyadsByPair = dyads.stream()
                .collect(Collectors.groupingBy(d -> List.of(d.clientId, d.therapistId)));
        Map<List<UUID>, List<SessionRecord>> sessionsByPair = sessions.stream()
                .collect(Collectors.groupingBy(s -> List.of(s.clientId, s.therapistId)));
        Map<UUID, List<FeedbackMeasure>> measuresBySession = measures.stream()
                .collect(Collectors.groupingBy(m -> m.sessionId));

        LocalDate from = request.from() != null ? request.from() : sessions.stream().map(s -> s.sessionDate)
                .min(LocalDate::compareTo).orElse(LocalDate.now(ZoneOffset.UTC));
        LocalDate to = request.to() != null ? request.to() : sessions.stream().map(s -> s.sessionDate)
                .max(LocalDate::compareTo).orElse(from);
        // the window is of session dates where the sessions were held, as the live metrics count them
        Map<UUID, LocalDate> dayOf = new HashMap<>();
        sessions.forEach(s -> dayOf.put(s.sessionId, s.sessionDate != null ? s.sessionDate
                : LocalDate.ofInstant(s.scheduledAt, ZoneOffset.UTC)));
        Predicate<UUID> inWindow = session -> {
            LocalDate day = dayOf.get(session);
            return day != null && !day.isBefore(from) && !day.isAfter(to);
        };

        var networkOf = spread.lookingOnly();
        Tally liveTally = new Tally();
        Tally otherTally = new Tally();
        Map<UUID, Set<String>> weeksByTherapist = new HashMap<>();
        List<ReplayedAlert> alerts = new ArrayList<>();
        List<ReplayedAlert> notRaised = new ArrayList<>();
        for (Dyad dyad : dyads) {
            List<UUID> pair = List.of(dyad.clientId, dyad.therapistId);
            List<SessionRecord> ofPair = sessionsByPair.getOrDefault(pair, List.of());
            List<FeedbackMeasure> ofSessions = new ArrayList<>();
            ofPair.forEach(s -> ofSessions.addAll(measuresBySession.getOrDefault(s.sessionId, List.of())));
            DyadCourses.Course course = DyadCourses.courseOf(dyad, dyadsByPair.get(pair), ofPair, ofSessions);
            for (SessionObservation session : course.course().sessions()) {
                if (session.attendance() != org.alliancepulse.analytics.course.Attendance.NOT_RECORDED
                        && inWindow.test(session.sessionId())) {
                    // the week of the session where it was held, as the live metrics count it (session_date)
                    LocalDate day = dayOf.get(session.sessionId());
                    weeksByTherapist.computeIfAbsent(dyad.therapistId, k -> new HashSet<>())
                            .add(day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                }
            }
            // the network as it was when the course began, under each setting's prior and minimum of dyads
            NetworkSd.Pooled network = networkOf.apply(course.course());
            List<Raised> raisedLive = raised(dyad, course, live, network.spread(live));
            List<Raised> raisedOther = raised(dyad, course, other, network.spread(other));
            liveTally.add(dyad, raisedLive, inWindow);
            otherTally.add(dyad, raisedOther, inWindow);
            raisedOther.stream().filter(r -> inWindow.test(r.sessionId()))
                    .forEach(r -> alerts.add(r.replayed(dyad, dayOf, r.sameConcernAsOneOf(raisedLive))));
            raisedLive.stream().filter(r -> inWindow.test(r.sessionId()) && !r.sameConcernAsOneOf(raisedOther))
                    .forEach(r -> notRaised.add(r.replayed(dyad, dayOf, true)));
        }
        return new Result(from, to, request.clinicId(), dyads.size(), ThresholdOverrides.settings(live),
                ThresholdOverrides.settings(other), liveTally.figures(weeksByTherapist),
                otherTally.figures(weeksByTherapist), listed(alerts), listed(notRaised),
                alerts.size() > LISTED || notRaised.size() > LISTED);
    }

    /**
     * An alert a setting raised, from raise to resolution, with the session's assessment it was raised at (which says
     * why).
     */
    private record Raised(DyadAlert alert, SessionAssessment at) {

        UUID sessionId() {
            return alert.raisedSession().sessionId();
        }

        /** The same concern under the other settings ({@link DyadAlert#sameConcernAs}), not only the same session. */
        boolean sameConcernAsOneOf(List<Raised> others) {
            return others.stream().anyMatch(other -> alert.sameConcernAs(other.alert));
        }

        ReplayedAlert replayed(Dyad dyad, Map<UUID, LocalDate> dayOf, boolean live) {
            return new ReplayedAlert(alert.kind().name(), dyad.id, dyad.clientCode, dyad.therapistId,
                    dyad.clinicId, sessionId(), alert.raisedSession().number(), dayOf.get(sessionId()),
                    AlertReasons.of(alert.kind(), at), live);
        }
    }

    private static List<ReplayedAlert> listed(List<ReplayedAlert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(ReplayedAlert::sessionDate)
                .thenComparing(ReplayedAlert::sessionNumber).thenComparing(ReplayedAlert::kind)).limit(LISTED)
                .toList();
    }

    private static List<Raised> raised(Dyad dyad, DyadCourses.Course course, ClinicalThresholds t,
            NetworkSd.Spread networkSd) {
        List<SessionAssessment> assessments = CourseAssessment.assess(course.course(), networkSd, t);
        Map<UUID, SessionAssessment> atSession = new HashMap<>();
        assessments.forEach(a -> atSession.put(a.session().sessionId(), a));
        return AlertLifecycle.alerts(AlertLifecycle.decide(assessments, t, course.ending(dyad))).stream()
                .map(a -> new Raised(a, atSession.get(a.raisedSession().sessionId()))).toList();
    }

    /** Alerts raised in the period, by kind and by therapist. */
    private static final class Tally {
        private final Map<String, Long> byKind = new TreeMap<>();
        private final Map<UUID, Long> byTherapist = new HashMap<>();

        Tally() {
            for (AlertKind kind : AlertKind.values()) {
                byKind.put(kind.name(), 0L);
            }
        }

        /** The alerts raised at sessions in the window. */
        void add(Dyad dyad, List<Raised> raised, Predicate<UUID> inWindow) {
            for (Raised alert : raised) {
                if (inWindow.test(alert.sessionId())) {
                    byKind.merge(alert.alert().kind().name(), 1L, Long::sum);
                    byTherapist.merge(dyad.therapistId, 1L, Long::sum);
                }
            }
        }

        Figures figures(Map<UUID, Set<String>> weeksByTherapist) {
            long total = byKind.values().stream().mapToLong(Long::longValue).sum();
            long weeks = weeksByTherapist.values().stream().mapToLong(Set::size).sum();
            List<Double> rates = weeksByTherapist.entrySet().stream()
                    .map(e -> byTherapist.getOrDefault(e.getKey(), 0L) / (double) e.getValue().size())
                    .sorted().toList();
            return new Figures(Map.copyOf(byKind), total, weeksByTherapist.size(), weeks,
                    weeks == 0 ? 0 : round((double) total / weeks), round(quantile(rates, 0.5)),
                    round(quantile(rates, 0.9)));
        }

        private static double quantile(List<Double> sorted, double q) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
