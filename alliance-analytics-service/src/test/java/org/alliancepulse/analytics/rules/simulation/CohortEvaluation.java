package org.alliancepulse.analytics.rules.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.rules.AlertDecision;
import org.alliancepulse.analytics.rules.AlertKind;
import org.alliancepulse.analytics.rules.AlertLifecycle;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.CourseAssessment;
import org.alliancepulse.analytics.rules.EpisodeEnding;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.Pillar;
import org.alliancepulse.analytics.rules.Resolution;
import org.alliancepulse.analytics.rules.SessionAssessment;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.Ending;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.SimulatedDyad;

/** Runs the rules over a simulated cohort and scores them against the simulator's truth. */
public final class CohortEvaluation {

    private static final Instant WEEK_ZERO = Instant.parse("2025-01-06T00:00:00Z");

    /** The figures of one evaluation; see docs/clinical-rules.md for how each is counted. */
    public record Figures(int dyads, double networkSd, double ruptureShareTrue, double rupturePrecision,
            double ruptureRecall, double ruptureRecallScoredWhileItLasted, double pillarAccuracy, double pillarNamed, double repairRecall,
            double repairPrecision, double fitPrecision, double fitRecall, double riskAuc, double hazardAuc,
            double dropoutRate, double dropoutsAlertedBeforeLast, double plannedAlertedBeforeLast,
            double alertsPerTherapistWeekMedian, double alertsPerTherapistWeekP90, double alertsPerTherapistWeekMean,
            double[][] calibration) {

        public double dropoutToPlannedRatio() {
            return plannedAlertedBeforeLast == 0 ? Double.POSITIVE_INFINITY
                    : dropoutsAlertedBeforeLast / plannedAlertedBeforeLast;
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "dyads %d, network SD %.2f index points (mean over dyads, in event time),"
                    + " true ruptures %.1f %%, dropout rate %.1f %%%n", dyads, networkSd, 100 * ruptureShareTrue, 100 * dropoutRate));
            row(out, "rupture precision", rupturePrecision, ">= 0.85");
            row(out, "rupture recall", ruptureRecall, ">= 0.85");
            row(out, "rupture recall, ruptures scored while they lasted", ruptureRecallScoredWhileItLasted, "-");
            row(out, "pillar accuracy (first named = true)", pillarAccuracy, "-");
            row(out, "true pillar among those named", pillarNamed, "-");
            row(out, "repair recall", repairRecall, ">= 0.70");
            row(out, "repair precision", repairPrecision, "-");
            row(out, "fit-concern precision", fitPrecision, ">= 0.80");
            row(out, "fit-concern recall", fitRecall, ">= 0.80");
            row(out, "dropout-risk AUC (per session)", riskAuc, "within 0.04 of true hazard");
            row(out, "true-hazard AUC (same sessions)", hazardAuc, "-");
            row(out, "dropouts with DROPOUT_RISK >= 1 session before last", dropoutsAlertedBeforeLast, ">= 0.20");
            row(out, "planned endings with DROPOUT_RISK before last", plannedAlertedBeforeLast, "-");
            row(out, "ratio dropouts / planned", dropoutToPlannedRatio(), ">= 1.6");
            row(out, "alerts per therapist-week, median", alertsPerTherapistWeekMedian, "-");
            row(out, "alerts per therapist-week, p90", alertsPerTherapistWeekP90, "<= 1");
            row(out, "alerts per therapist-week, mean", alertsPerTherapistWeekMean, "-");
            out.append("calibration by risk decile (mean predicted -> observed share of sessions of clients who"
                    + " dropped out):\n");
            for (double[] decile : calibration) {
                out.append(String.format(Locale.ROOT, "  %.3f -> %.3f (n %d)%n", decile[0], decile[1],
                        (long) decile[2]));
            }
            return out.toString();
        }

        private static void row(StringBuilder out, String name, double value, String target) {
            out.append(String.format(Locale.ROOT, "  %-55s %7.3f   target %s%n", name, value, target));
        }
    }

    private CohortEvaluation() {
    }

    /** The rules as the service applies them: each course with its network's SD in event time. */
    public static Figures evaluate(List<SimulatedDyad> cohort, ClinicalThresholds t) {
        return evaluate(cohort, t, eventTimeSd(cohort, t));
    }

    /** The same with each dyad's network SD given (a what-if of how the SD is estimated). */
    static Figures evaluate(List<SimulatedDyad> cohort, ClinicalThresholds t,
            Function<SimulatedDyad, NetworkSd.Spread> sdOf) {
        return evaluate(cohort, t, sdOf, dyad -> Optional.empty());
    }

    /** The same with each dyad's episode ending (the simulator's own evaluation has none: nothing is discharged). */
    public static Figures evaluate(List<SimulatedDyad> cohort, ClinicalThresholds t,
            Function<SimulatedDyad, NetworkSd.Spread> sdOf, Function<SimulatedDyad, Optional<EpisodeEnding>> endingOf) {
        double networkSd = cohort.stream().mapToDouble(d -> sdOf.apply(d).index()).average().orElse(Double.NaN);
        return score(cohort, t, networkSd, dyad -> judge(dyad, t, sdOf.apply(dyad), endingOf.apply(dyad)));
    }

    /** What the rules decide for one dyad's course, judged with this network SD and ending. */
    public static Judged judge(SimulatedDyad dyad, ClinicalThresholds t, NetworkSd.Spread spread,
            Optional<EpisodeEnding> ending) {
        List<SessionAssessment> assessments = CourseAssessment.assess(dyad.course(), spread, t);
        List<AlertDecision> decisions = AlertLifecycle.decide(assessments, t, ending);
        Map<Integer, List<Pillar>> pillars = new HashMap<>();
        Map<UUID, Double> risk = new HashMap<>();
        for (SessionAssessment a : assessments) {
            if (!a.rupture().pillars().isEmpty()) {
                pillars.put(a.session().number(), a.rupture().pillars());
            }
            risk.put(a.session().sessionId(), a.risk().probability());
        }
        return new Judged(decisions, pillars, risk);
    }

    /**
     * What was decided for one dyad: its alerts raised and resolved, the pillars a rupture alert named (by the
     * session number it was raised at), and the dropout-risk score after each session (by session id; sessions
     * without one are left out of the AUC and calibration).
     */
    public record Judged(List<AlertDecision> decisions, Map<Integer, List<Pillar>> rupturePillars,
            Map<UUID, Double> riskAfterSession) {
    }

    /** Scores decisions made elsewhere (e.g. the alerts a running service announced) against the truth. */
    public static Figures score(List<SimulatedDyad> cohort, ClinicalThresholds t, double networkSd,
            Function<SimulatedDyad, Judged> judgedOf) {

        int ruptureAlerts = 0, ruptureAlertHits = 0, trueRuptures = 0, observableRuptures = 0, detected = 0;
        int scoredWhileItLasted = 0, detectedScoredWhileItLasted = 0;
        int pillarFirst = 0, pillarAmong = 0, repairable = 0, repairFound = 0, repairedClaims = 0,
                repairedClaimsTrue = 0;
        int fitAlerted = 0, fitAlertedTrue = 0, fitEligible = 0, fitFound = 0;
        int dropouts = 0, dropoutsAlerted = 0, planned = 0, plannedAlerted = 0;
        List<double[]> sessions = new ArrayList<>();
        Map<String, Integer> alertsByTherapistWeek = new HashMap<>();
        Set<String> activeTherapistWeeks = new HashSet<>();

        for (SimulatedDyad dyad : cohort) {
            CohortSimulator.Truth truth = dyad.truth();
            List<SessionObservation> course = dyad.course().sessions();
            Judged judged = judgedOf.apply(dyad);
            List<AlertDecision> decisions = judged.decisions();

            for (SessionObservation s : course) {
                if (s.attendance() != Attendance.NOT_RECORDED) {
                    activeTherapistWeeks.add(dyad.therapist() + "/" + week(s.scheduledAt()));
                }
            }
            for (AlertDecision d : decisions) {
                if (d.action() == AlertDecision.Action.RAISED) {
                    alertsByTherapistWeek.merge(dyad.therapist() + "/" + week(d.at()), 1, Integer::sum);
                }
            }

            // ruptures: a hit is a RUPTURE raised within one scored session of the true onset
            int onsetOrdinal = 0;
            if (truth.ruptureOnset() > 0) {
                trueRuptures++;
                onsetOrdinal = course.stream().filter(s -> s.scored() && s.number() >= truth.ruptureOnset())
                        .findFirst().map(s -> ordinal(course, s.number())).orElse(0);
            }
            AlertDecision hit = null;
            for (AlertDecision d : decisions) {
                if (d.kind() == AlertKind.RUPTURE && d.action() == AlertDecision.Action.RAISED) {
                    ruptureAlerts++;
                    if (onsetOrdinal > 0 && Math.abs(ordinal(course, d.session().number()) - onsetOrdinal) <= 1
                            && hit == null) {
                        ruptureAlertHits++;
                        hit = d;
                    }
                }
            }
            // a rupture repaired before any of its sessions was scored left no score to see it by
            boolean scoredWhileLow = onsetOrdinal > 0 && (truth.repairedAt() == 0 || course.stream().anyMatch(
                    s -> s.scored() && s.number() >= truth.ruptureOnset() && s.number() < truth.repairedAt()));
            if (scoredWhileLow) {
                scoredWhileItLasted++;
                detectedScoredWhileItLasted += hit != null ? 1 : 0;
            }
            if (onsetOrdinal > 0) {
                observableRuptures++;
                if (hit != null) {
                    detected++;
                    AlertDecision found = hit;
                    List<Pillar> named = judged.rupturePillars().getOrDefault(found.session().number(), List.of());
                    if (!named.isEmpty()) {
                        pillarFirst += named.get(0) == truth.rupturePillar() ? 1 : 0;
                        pillarAmong += named.contains(truth.rupturePillar()) ? 1 : 0;
                    }
                    Resolution resolution = decisions.stream()
                            .filter(d -> d.kind() == AlertKind.RUPTURE && d.action() == AlertDecision.Action.RESOLVED
                                    && d.session().number() >= found.session().number())
                            .findFirst().map(AlertDecision::resolution).orElse(null);
                    int repairOrdinal = truth.repairedAt() == 0 ? 0 : ordinal(course, truth.repairedAt());
                    boolean repairableInWindow = truth.repairedAt() > 0
                            && repairOrdinal - ordinal(course, found.session().number())
                                    <= t.repairWindowScoredSessions()
                            && course.stream().anyMatch(s -> s.scored() && s.number() >= truth.repairedAt());
                    if (repairableInWindow) {
                        repairable++;
                        repairFound += resolution == Resolution.REPAIRED ? 1 : 0;
                    }
                    if (resolution == Resolution.REPAIRED) {
                        repairedClaims++;
                        repairedClaimsTrue += truth.repairedAt() > 0 ? 1 : 0;
                    }
                }
            }

            // fit concern
            boolean fitRaised = decisions.stream().anyMatch(d -> d.kind() == AlertKind.FIT_CONCERN);
            if (fitRaised) {
                fitAlerted++;
                fitAlertedTrue += truth.lowFit() ? 1 : 0;
            }
            long eligibleScored = course.stream().filter(s -> s.scored() && s.number() >= t.fitFromSession()).count();
            if (truth.lowFit() && eligibleScored >= t.fitRunScoredSessions()) {
                fitEligible++;
                fitFound += fitRaised ? 1 : 0;
            }

            // dropout risk
            boolean dropout = truth.ending() == Ending.DROPOUT;
            boolean alertedBeforeLast = decisions.stream().anyMatch(d -> d.kind() == AlertKind.DROPOUT_RISK
                    && d.action() == AlertDecision.Action.RAISED && d.session().number() <= truth.lastSession() - 1);
            if (dropout) {
                dropouts++;
                dropoutsAlerted += alertedBeforeLast ? 1 : 0;
            } else {
                planned++;
                plannedAlerted += alertedBeforeLast ? 1 : 0;
            }
            int lastAtRisk = dropout ? truth.dropoutAfter() : truth.lastSession() - 1;
            for (SessionObservation s : course) {
                int n = s.number();
                Double risk = judged.riskAfterSession().get(s.sessionId());
                if (n <= lastAtRisk && s.attendance() != Attendance.NOT_RECORDED && risk != null) {
                    sessions.add(new double[] { risk, truth.hazard()[n],
                            dropout && n == truth.dropoutAfter() ? 1 : 0, dropout ? 1 : 0 });
                }
            }
        }

        List<Double> perWeek = new ArrayList<>();
        for (String week : activeTherapistWeeks) {
            perWeek.add((double) alertsByTherapistWeek.getOrDefault(week, 0));
        }
        perWeek.sort(null);

        return new Figures(cohort.size(), networkSd, (double) trueRuptures / cohort.size(),
                share(ruptureAlertHits, ruptureAlerts), share(detected, observableRuptures),
                share(detectedScoredWhileItLasted, scoredWhileItLasted),
                share(pillarFirst, detected), share(pillarAmong, detected), share(repairFound, repairable),
                share(repairedClaimsTrue, repairedClaims), share(fitAlertedTrue, fitAlerted),
                share(fitFound, fitEligible), auc(sessions, 0), auc(sessions, 1),
                share(dropouts, cohort.size()), share(dropoutsAlerted, dropouts), share(plannedAlerted, planned),
                quantile(perWeek, 0.5), quantile(perWeek, 0.9),
                perWeek.stream().mapToDouble(Double::doubleValue).average().orElse(0), calibration(sessions));
    }

    /**
     * The network SD as the service takes it ({@code NetworkSpread}): per simulated network, pooled from the scored
     * sessions scheduled in the 365 days before the first day (UTC) of the month of the course's first session; the
     * prior until 30 dyads have two such sessions.
     */
    public static Function<SimulatedDyad, NetworkSd.Spread> eventTimeSd(List<SimulatedDyad> cohort, ClinicalThresholds t) {
        Map<String, NetworkSd.Spread> byNetworkMonth = new HashMap<>();
        return dyad -> {
            if (dyad.course().sessions().isEmpty()) {
                return NetworkSd.Spread.indexOnly(t.networkSdPrior());
            }
            LocalDate month = LocalDate.ofInstant(dyad.course().sessions().get(0).scheduledAt(), ZoneOffset.UTC)
                    .withDayOfMonth(1);
            return byNetworkMonth.computeIfAbsent(dyad.network() + "/" + month, key -> {
                Instant until = month.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant from = until.minus(Duration.ofDays(365));
                List<NetworkSd.DyadAggregates> aggregates = new ArrayList<>();
                for (SimulatedDyad d : cohort) {
                    if (d.network() != dyad.network()) {
                        continue;
                    }
                    NetworkSd.DyadAggregates aggregate = NetworkSd.DyadAggregates.EMPTY;
                    for (SessionObservation s : d.course().sessions()) {
                        if (s.scored() && !s.scheduledAt().isBefore(from) && s.scheduledAt().isBefore(until)) {
                            aggregate = aggregate.plus(s.alliance());
                        }
                    }
                    aggregates.add(aggregate);
                }
                return NetworkSd.Pooled.ofMeasures(aggregates).spread(t);
            });
        };
    }

    /** Scored sessions up to and including session number n. */
    private static int ordinal(List<SessionObservation> course, int number) {
        return (int) course.stream().filter(s -> s.scored() && s.number() <= number).count();
    }

    private static long week(Instant at) {
        return Duration.between(WEEK_ZERO, at).toDays() / 7;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** Mann-Whitney AUC of column {@code score} against the label in column 2, ties counted half. */
    static double auc(List<double[]> rows, int score) {
        double[][] sorted = rows.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble(r -> r[score]));
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j][score] == sorted[i][score]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (sorted[k][2] == 1) {
                    rankSumPositives += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = sorted.length - positives;
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Per decile of the risk score: mean score, share of those sessions whose client dropped out, count. */
    private static double[][] calibration(List<double[]> rows) {
        double[][] sorted = rows.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble(r -> r[0]));
        double[][] deciles = new double[10][3];
        for (int d = 0; d < 10; d++) {
            int from = sorted.length * d / 10;
            int to = sorted.length * (d + 1) / 10;
            double predicted = 0, observed = 0;
            for (int k = from; k < to; k++) {
                predicted += sorted[k][0];
                observed += sorted[k][3];
            }
            deciles[d] = new double[] { predicted / (to - from), observed / (to - from), to - from };
        }
        return deciles;
    }

    private static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
