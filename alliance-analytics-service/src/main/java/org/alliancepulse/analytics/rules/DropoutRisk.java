package org.alliancepulse.analytics.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.CourseSummary;
import org.alliancepulse.analytics.course.ObservedSessions;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * The dropout-risk score: an explainable logistic model, p = 1 / (1 + exp(-(intercept + sum of weight x value))),
 * over CLINICAL.md's factors. Every input is taken at the event time of the session assessed, never the wall clock.
 * The factor weights are fitted on simulated networks (docs/clinical-rules.md), to be re-estimated on a network's
 * own endings. With the default intercept (-1.7) the score is an alerting scale for CLINICAL.md's raise 0.5 / clear
 * 0.35, not a probability: it over-predicts the dropout share about two-fold. With the documented calibrated intercept
 * (-2.55, used with raise 0.3 / clear 0.2) it is the probability that this episode ends in dropout, calibrated by
 * decile on the simulated networks. Weights:
 * see {@link ClinicalThresholds.RiskWeights}.
 */
public final class DropoutRisk {

    private static final double CAP = 3;

    private DropoutRisk() {
    }

    /** One factor's part in a score: contribution = weight x value, in log-odds. */
    public record Contribution(RiskFactor factor, double value, double weight) {
        public double contribution() {
            return weight * value;
        }
    }

    /**
     * A dropout-risk score with every factor's contribution.
     *
     * @param probability in [0, 1]
     */
    public record Score(double probability, List<Contribution> contributions) {

        public Score {
            contributions = List.copyOf(contributions);
        }

        /** The factors that raised the score most, largest first; only those that raised it. */
        public List<Contribution> topFactors(int limit) {
            return contributions.stream().filter(c -> c.contribution() > 0)
                    .sorted(Comparator.comparingDouble(Contribution::contribution).reversed()).limit(limit).toList();
        }
    }

    /**
     * The score at the last session of {@code sessions} (the course up to and including the session assessed).
     *
     * @param rupture the rupture rule's status at that session
     */
    public static Score score(List<SessionObservation> sessions, RuptureStatus rupture, ClinicalThresholds t) {
        ClinicalThresholds.RiskWeights w = t.risk();
        SessionObservation now = sessions.get(sessions.size() - 1);
        ObservedSessions observed = ObservedSessions.of(sessions);
        List<SessionObservation> recorded = observed.recorded();
        List<SessionObservation> attended = observed.attended();
        List<Double> indices = observed.indices();
        List<Double> ors = observed.ors();

        List<Contribution> parts = new ArrayList<>();
        SessionObservation firstEarlyNoShow = recorded.stream()
                .filter(s -> s.number() <= 3 && s.attendance() == Attendance.NO_SHOW).findFirst().orElse(null);
        parts.add(new Contribution(RiskFactor.EARLY_NO_SHOW, firstEarlyNoShow != null ? 1 : 0, w.earlyNoShow()));

        // each missed session counts once: the no-show EARLY_NO_SHOW stands for is not counted again as recent, a
        // second one is (it used to be left out too, so two early no-shows weighed no more than one: outside probe)
        long missed = recorded.subList(Math.max(0, recorded.size() - w.recentSessions()), recorded.size()).stream()
                .filter(SessionObservation::missedByClient)
                .filter(s -> !s.equals(firstEarlyNoShow)).count();
        parts.add(new Contribution(RiskFactor.RECENT_MISSED_SESSIONS, missed, w.recentMissed()));

        // on top of the count: a no-show at the session assessed weighs more than one three sessions ago
        boolean latestNoShow = now.attendance() == Attendance.NO_SHOW;
        parts.add(new Contribution(RiskFactor.LATEST_NO_SHOW, latestNoShow ? 1 : 0, w.latestNoShow()));

        // the dyad's level: the mean of every score so far, far steadier than the last one or two; a recent fall is
        // FALLING_ALLIANCE's part
        double level = indices.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double low = Double.isNaN(level) ? 0 : clamp((t.lowIndex() - level) / w.allianceSd());
        parts.add(new Contribution(RiskFactor.LOW_ALLIANCE, low, w.lowAlliance()));

        double falling = Double.isNaN(rupture.dropInSd()) ? 0 : clamp(rupture.dropInSd());
        parts.add(new Contribution(RiskFactor.FALLING_ALLIANCE, falling, w.fallingAlliance()));

        boolean unresolved = rupture.state() == RuptureState.UNRESOLVED;
        parts.add(new Contribution(RiskFactor.UNRESOLVED_RUPTURE, unresolved ? 1 : 0, w.unresolvedRupture()));

        boolean noImprovement = false;
        boolean deterioration = false;
        if (ors.size() >= 2) {
            double change = ors.get(ors.size() - 1) - ors.get(0);
            noImprovement = now.number() >= t.orsImprovementBySession() && ors.get(0) < t.orsCutoff()
                    && change < t.orsReliableChange();
            deterioration = change <= -t.orsReliableChange();
        }
        parts.add(new Contribution(RiskFactor.NO_ORS_IMPROVEMENT, noImprovement ? 1 : 0, w.noOrsImprovement()));
        parts.add(new Contribution(RiskFactor.ORS_DETERIORATION, deterioration ? 1 : 0, w.orsDeterioration()));

        // the attended sessions before the one assessed: its own answers come minutes or hours after its attendance,
        // and until they do the service cannot tell a skipped form from one still to come. Counting it made a
        // dropout-risk alert that its answers withdrew moments later (a skip counts from the next session on).
        List<SessionObservation> judged = !attended.isEmpty() && attended.get(attended.size() - 1).equals(now)
                ? attended.subList(0, attended.size() - 1) : attended;
        boolean skipped = judged.size() >= 2 && judged.subList(judged.size() - 2, judged.size()).stream()
                .noneMatch(SessionObservation::feedbackGiven);
        parts.add(new Contribution(RiskFactor.FEEDBACK_SKIPPED, skipped ? 1 : 0, w.feedbackSkipped()));

        parts.add(new Contribution(RiskFactor.OVERDUE, overdue(attended, now.scheduledAt()), w.overdue()));

        double logit = w.intercept() + parts.stream().mapToDouble(Contribution::contribution).sum();
        return new Score(1 / (1 + Math.exp(-logit)), parts);
    }

    /**
     * Usual intervals beyond the usual interval since the last attended session, at the event time {@code at}. The
     * usual interval is the median gap between the dyad's attended sessions (a week until there are two).
     */
    static double overdue(List<SessionObservation> attended, Instant at) {
        if (attended.isEmpty()) {
            return 0;
        }
        double since = CourseSummary.days(attended.get(attended.size() - 1).scheduledAt(), at);
        return clamp(since / CourseSummary.usualIntervalDays(attended) - 1);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(CAP, value));
    }
}
