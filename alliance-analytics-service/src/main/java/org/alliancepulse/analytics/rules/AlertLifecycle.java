package org.alliancepulse.analytics.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.SessionRef;

/**
 * Which alerts a dyad's assessments raise and resolve, and when. Pure: the same assessments always give the same
 * decisions, dated at the sessions' event times.
 * <ul>
 * <li>RUPTURE is raised while a rupture is open within the repair window; resolved REPAIRED, or ESCALATED when it
 * turns UNRESOLVED_RUPTURE, which is raised then and resolved REPAIRED by a late repair.</li>
 * <li>FIT_CONCERN follows {@link FitConcern}; resolved FIT_IMPROVED.</li>
 * <li>DROPOUT_RISK is raised at a risk at or above riskRaise and resolved RISK_CLEARED below riskClear (hysteresis).
 * </li>
 * <li>One open alert per dyad and kind. After an alert is resolved, the same kind is not raised again for
 * cooldownDays of event time (counted in days, not sessions, so no-shows do not stretch it).</li>
 * <li>Sessions not recorded yet decide nothing. An {@link EpisodeEnding} resolves every open alert and ends the
 * course: sessions scheduled after it decide nothing.</li>
 * </ul>
 */
public final class AlertLifecycle {

    private AlertLifecycle() {
    }

    public static List<AlertDecision> decide(List<SessionAssessment> assessments, ClinicalThresholds t,
            Optional<EpisodeEnding> ending) {
        List<AlertDecision> decisions = new ArrayList<>();
        Map<AlertKind, Boolean> open = new EnumMap<>(AlertKind.class);
        Map<AlertKind, Instant> resolvedAt = new EnumMap<>(AlertKind.class);
        SessionRef last = null;
        for (SessionAssessment a : assessments) {
            if (ending.isPresent() && a.session().scheduledAt().isAfter(ending.get().at())) {
                break;
            }
            if (a.attendance() == Attendance.NOT_RECORDED) {
                continue;
            }
            last = a.session();
            RuptureState rupture = a.rupture().state();
            double risk = a.risk().probability();

            if (isOpen(open, AlertKind.RUPTURE) && rupture != RuptureState.RUPTURE) {
                resolve(decisions, open, resolvedAt, AlertKind.RUPTURE, a.session(), a.session().scheduledAt(),
                        rupture == RuptureState.UNRESOLVED ? Resolution.ESCALATED : Resolution.REPAIRED);
            }
            if (isOpen(open, AlertKind.UNRESOLVED_RUPTURE) && rupture != RuptureState.UNRESOLVED) {
                resolve(decisions, open, resolvedAt, AlertKind.UNRESOLVED_RUPTURE, a.session(),
                        a.session().scheduledAt(), Resolution.REPAIRED);
            }
            if (isOpen(open, AlertKind.FIT_CONCERN) && !a.fitConcern()) {
                resolve(decisions, open, resolvedAt, AlertKind.FIT_CONCERN, a.session(), a.session().scheduledAt(),
                        Resolution.FIT_IMPROVED);
            }
            if (isOpen(open, AlertKind.DROPOUT_RISK) && risk < t.riskClear()) {
                resolve(decisions, open, resolvedAt, AlertKind.DROPOUT_RISK, a.session(), a.session().scheduledAt(),
                        Resolution.RISK_CLEARED);
            }

            if (rupture == RuptureState.RUPTURE) {
                raise(decisions, open, resolvedAt, t, AlertKind.RUPTURE, a, pillars(a.rupture()));
            }
            if (rupture == RuptureState.UNRESOLVED) {
                raise(decisions, open, resolvedAt, t, AlertKind.UNRESOLVED_RUPTURE, a, pillars(a.rupture()));
            }
            if (a.fitConcern()) {
                raise(decisions, open, resolvedAt, t, AlertKind.FIT_CONCERN, a,
                        List.of(String.format(Locale.ROOT, "alliance index below %s at %d scored sessions in a row",
                                plain(t.fitIndex()), t.fitRunScoredSessions())));
            }
            if (risk >= t.riskRaise()) {
                raise(decisions, open, resolvedAt, t, AlertKind.DROPOUT_RISK, a,
                        a.risk().topFactors(AlertReasons.TOP_FACTORS).stream()
                                .map(c -> String.format(Locale.ROOT, "%s (+%.2f)", c.factor(), c.contribution()))
                                .toList());
            }
        }
        if (ending.isPresent() && last != null) {
            for (AlertKind kind : AlertKind.values()) {
                if (isOpen(open, kind)) {
                    resolve(decisions, open, resolvedAt, kind, last, ending.get().at(), ending.get().resolution());
                }
            }
        }
        return decisions;
    }

    /** The decisions paired into alerts, in the order they were raised; an alert not resolved yet is open. */
    public static List<DyadAlert> alerts(List<AlertDecision> decisions) {
        List<DyadAlert> alerts = new ArrayList<>();
        Map<AlertKind, Integer> openAt = new EnumMap<>(AlertKind.class);
        for (AlertDecision d : decisions) {
            if (d.action() == AlertDecision.Action.RAISED) {
                openAt.put(d.kind(), alerts.size());
                alerts.add(new DyadAlert(d.kind(), d.session(), d.at(), d.reasons(), null, null, null));
            } else {
                Integer index = openAt.remove(d.kind());
                if (index == null) {
                    throw new IllegalArgumentException("resolved " + d.kind() + " without an open alert");
                }
                DyadAlert raised = alerts.get(index);
                alerts.set(index, new DyadAlert(raised.kind(), raised.raisedSession(), raised.raisedAt(),
                        raised.reasons(), d.session(), d.at(), d.resolution()));
            }
        }
        return alerts;
    }

    private static void raise(List<AlertDecision> decisions, Map<AlertKind, Boolean> open,
            Map<AlertKind, Instant> resolvedAt, ClinicalThresholds t, AlertKind kind, SessionAssessment a,
            List<String> reasons) {
        Instant at = a.session().scheduledAt();
        Instant resolved = resolvedAt.get(kind);
        boolean cooling = resolved != null && Duration.between(resolved, at).compareTo(
                Duration.ofDays(t.cooldownDays())) < 0;
        if (isOpen(open, kind) || cooling) {
            return;
        }
        open.put(kind, true);
        decisions.add(new AlertDecision(kind, AlertDecision.Action.RAISED, a.session(), at, null, reasons));
    }

    private static void resolve(List<AlertDecision> decisions, Map<AlertKind, Boolean> open,
            Map<AlertKind, Instant> resolvedAt, AlertKind kind, SessionRef session, Instant at,
            Resolution resolution) {
        open.put(kind, false);
        resolvedAt.put(kind, at);
        decisions.add(new AlertDecision(kind, AlertDecision.Action.RESOLVED, session, at, resolution, List.of()));
    }

    private static boolean isOpen(Map<AlertKind, Boolean> open, AlertKind kind) {
        return open.getOrDefault(kind, false);
    }

    private static List<String> pillars(RuptureStatus rupture) {
        return rupture.pillars().stream().map(p -> p.name().toLowerCase(Locale.ROOT) + " fell").toList();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
