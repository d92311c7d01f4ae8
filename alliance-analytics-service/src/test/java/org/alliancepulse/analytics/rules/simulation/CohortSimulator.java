package org.alliancepulse.analytics.rules.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.rules.Pillar;

/**
 * A simulated clinic network: therapists, their clients in weekly sessions, and what the clients rate, with the truth
 * behind it recorded so the rules can be scored against it. Deterministic for a seed (one {@link Random}, drawn in a
 * fixed order). Every parameter is in {@link Parameters}, with why it has its value.
 */
public final class CohortSimulator {

    /** Between-client SD of SRS totals (about 4 points), the unit of the alliance-dropout effect size. */
    private static final double SRS_SD_BETWEEN_CLIENTS = 4;

    private static final Instant NETWORK_START = Instant.parse("2025-01-06T09:00:00Z");

    /**
     * The simulated network. Alliance is simulated per pillar on the SRS item scale (0-10).
     *
     * @param therapists          therapists in the network
     * @param clientsPerTherapist clients each therapist starts during the year (about 6-8 in care at a time)
     * @param startWeeks          clients start uniformly over this many weeks
     * @param plannedMin          planned length, fewest sessions (uniform between min and max)
     * @param plannedMax          planned length, most sessions
     * @param allianceMean        mean latent SRS item of an ordinary dyad (9.2: SRS totals average about 37 and
     *                            cluster at 36-40, Duncan 2003; PCOMS practice)
     * @param allianceSdBetween   SD of the dyad's latent item level between dyads (0.5 items = 2 SRS points)
     * @param therapistSd         SD of the therapist's share of the alliance level (therapist effects, Baldwin 2007)
     * @param pillarSd            SD of a pillar's offset from the dyad's level
     * @param growthPerSession    latent alliance growth per session (the alliance strengthens over early therapy)
     * @param growthCap           the most the alliance grows
     * @param driftSd             session-to-session innovation of an AR(1) drift of the dyad's level
     * @param driftPersistence    AR(1) coefficient of that drift
     * @param sessionNoiseSd      noise shared by a session's items (the client's mood that day)
     * @param itemNoiseSd         noise of each item; with sessionNoiseSd an SRS total SD of about 1.6 points
     * @param waiSrShare          share of dyads rated with the WAI-SR instead of the SRS
     * @param lowFitShare         share of dyads that never fit (the "time to move on" case)
     * @param lowFitMean          their mean latent item (6.5: an SRS total near 26, index 65, clearly below SRS 30)
     * @param ruptureShare        share of other dyads with one rupture (0.45: about 40 % of all dyads, ruptures are
     *                            common, Eubanks, Muran and Safran 2018)
     * @param ruptureOnsetLast    the latest session number a rupture starts at (from session 2)
     * @param ruptureDropMin      the fallen pillar's drop, fewest item points (uniform min-max)
     * @param ruptureDropMax      the fallen pillar's drop, most item points
     * @param ruptureSpill        the other pillars fall by this share of the drop, the overall item by twice it
     * @param repairShare         share of ruptures repaired (about half to two thirds, Eubanks 2018 / Safran)
     * @param repairAfterMax      a repair happens 1 to this many sessions after onset
     * @param repairBonus         a repaired alliance ends a little stronger than before (Eubanks 2018)
     * @param feedbackRate        share of attended sessions where feedback is given; lower for disengaging clients
     * @param measureRate         share of attended sessions with an alliance measure
     * @param noShowLogit         log-odds of a no-show for an average engaged client (about 6 %)
     * @param clientCancelRate    client cancellations per session; {@code lateShare} of them late
     * @param lateShare           share of client cancellations that are late
     * @param clinicCancelRate    clinic cancellations per session
     * @param engagementSd        SD of a client's disengagement (log-odds) shared by no-shows and dropout
     * @param orsIntakeMean       mean intake ORS (about 19 in outpatient samples, Miller 2003)
     * @param orsIntakeSd         SD of intake ORS
     * @param orsGainMean         mean ORS gain over therapy for an average alliance
     * @param orsGainPerSrsPoint  extra gain per SRS point of alliance (alliance-outcome r about .28, Flueckiger 2018)
     * @param orsGainSd           SD of the gain between clients
     * @param orsNoiseSd          session-to-session ORS noise
     * @param hazardIntercept     log-odds of dropping out after a session, all else average (set so that about 20 %
     *                            of episodes end in dropout, Swift and Greenberg 2012)
     * @param hazardPerAllianceSd log-odds per between-client SD (4 SRS points) of lower latent alliance, capped at
     *                            3 SD (d = .55, Sharf 2010, as a log odds ratio 1.0)
     * @param hazardNoShow        log-odds added by a no-show at that session
     * @param hazardRupture       log-odds added while a rupture is unrepaired (two sessions after onset on)
     * @param hazardNoImprovement log-odds added while the ORS is not reliably above intake from session 6
     * @param trailingNoShowShare share of dropouts whose last recorded session is the appointment they did not keep
     * @param ruptureRamp         a rupture falls by half its drop at onset and fully from the next session (a gradual
     *                            withdrawal rupture) instead of at once
     */
    public record Parameters(int therapists, int clientsPerTherapist, int startWeeks, int plannedMin, int plannedMax,
            double allianceMean, double allianceSdBetween, double therapistSd, double pillarSd,
            double growthPerSession, double growthCap, double driftSd, double driftPersistence,
            double sessionNoiseSd, double itemNoiseSd, double waiSrShare, double lowFitShare, double lowFitMean,
            double ruptureShare, int ruptureOnsetLast, double ruptureDropMin, double ruptureDropMax,
            double ruptureSpill, double repairShare, int repairAfterMax, double repairBonus, double feedbackRate,
            double measureRate, double noShowLogit, double clientCancelRate, double lateShare,
            double clinicCancelRate, double engagementSd, double orsIntakeMean, double orsIntakeSd,
            double orsGainMean, double orsGainPerSrsPoint, double orsGainSd, double orsNoiseSd,
            double hazardIntercept, double hazardPerAllianceSd, double hazardNoShow, double hazardRupture,
            double hazardNoImprovement, double trailingNoShowShare, boolean ruptureRamp) {

        public static Parameters plausible() {
            return new Parameters(60, 20, 40, 6, 20,
                    9.2, 0.5, 0.15, 0.25,
                    0.03, 0.3, 0.12, 0.7,
                    0.35, 0.4, 0.2, 0.1, 6.5,
                    0.45, 14, 2.0, 4.5,
                    0.3, 0.6, 4, 0.2, 0.9,
                    0.95, -2.7, 0.05, 0.4,
                    0.02, 0.7, 19, 6,
                    6, 0.6, 4, 2.5,
                    -5.65, 1.0, 1.0, 1.0,
                    0.5, 0.5, false);
        }

        /**
         * The robustness world, not tuned against: 1.5 x the alliance noise (test-retest of the SRS about .72, the
         * low side of Duncan 2003), fewer (25 % of fitting dyads) and smaller ruptures (one pillar falls by 1.5-3.5
         * item points) that set in gradually over two sessions, and a
         * different dropout mechanism (half the alliance effect, no-shows and no ORS gain weigh more).
         */
        public static Parameters harsh() {
            Parameters p = plausible().withNoise(1.5);
            return new Parameters(p.therapists, p.clientsPerTherapist, p.startWeeks, p.plannedMin, p.plannedMax,
                    p.allianceMean, p.allianceSdBetween, p.therapistSd, p.pillarSd, p.growthPerSession, p.growthCap,
                    p.driftSd, p.driftPersistence, p.sessionNoiseSd, p.itemNoiseSd, p.waiSrShare, p.lowFitShare,
                    p.lowFitMean, 0.25, p.ruptureOnsetLast, 1.5, 3.5, p.ruptureSpill, p.repairShare,
                    p.repairAfterMax, p.repairBonus, p.feedbackRate, p.measureRate, p.noShowLogit, p.clientCancelRate,
                    p.lateShare, p.clinicCancelRate, p.engagementSd, p.orsIntakeMean, p.orsIntakeSd, p.orsGainMean,
                    p.orsGainPerSrsPoint, p.orsGainSd, p.orsNoiseSd, -5.0, 0.5, 1.5, p.hazardRupture, 1.0,
                    p.trailingNoShowShare, true);
        }

        /** The same network with the alliance measures' noise multiplied by {@code factor} (a robustness check). */
        public Parameters withNoise(double factor) {
            return new Parameters(therapists, clientsPerTherapist, startWeeks, plannedMin, plannedMax, allianceMean,
                    allianceSdBetween, therapistSd, pillarSd, growthPerSession, growthCap, driftSd, driftPersistence,
                    factor * sessionNoiseSd, factor * itemNoiseSd, waiSrShare, lowFitShare, lowFitMean, ruptureShare,
                    ruptureOnsetLast, ruptureDropMin, ruptureDropMax, ruptureSpill, repairShare, repairAfterMax,
                    repairBonus, feedbackRate, measureRate, noShowLogit, clientCancelRate, lateShare, clinicCancelRate,
                    engagementSd, orsIntakeMean, orsIntakeSd, orsGainMean, orsGainPerSrsPoint, orsGainSd, orsNoiseSd,
                    hazardIntercept, hazardPerAllianceSd, hazardNoShow, hazardRupture, hazardNoImprovement,
                    trailingNoShowShare, ruptureRamp);
        }
    }

    /** How an episode ended. */
    public enum Ending {
        PLANNED, DROPOUT
    }

    /**
     * What really happened in a dyad.
     *
     * @param ruptureOnset   session number of the rupture's onset; 0 when none
     * @param repairedAt     session number the rupture was repaired at; 0 when never
     * @param lastSession    the number of the last session in the course
     * @param dropoutAfter   for a dropout, the session after which the client left (the last one kept or missed
     *                       before the unkept appointment, if any); 0 for a planned ending
     * @param hazard         per session number (index number - 1): the true probability of dropping out after it
     */
    public record Truth(boolean lowFit, int ruptureOnset, Pillar rupturePillar, int repairedAt, Ending ending,
            int lastSession, int dropoutAfter, double[] hazard) {
    }

    /**
     * One dyad of the cohort; {@code network} is the index of the seed that simulated it; {@code answers} the
     * client's answers per session id (what session-service would announce), for feeding the cohort through the
     * service.
     */
    public record SimulatedDyad(int network, int therapist, UUID dyad, DyadCourse course, Truth truth,
            Map<UUID, Answers> answers) {
    }

    /**
     * What a client answered at a session: the alliance instrument ({@code SRS} or {@code WAI-SR}) with its items in
     * order, or none; the four ORS items, or none.
     */
    public record Answers(String allianceInstrument, List<Double> alliance, List<Double> ors) {
    }

    /** An alliance measure with the answers it was scored from. */
    private record Rated(AllianceMeasure measure, String instrument, List<Double> answers) {
    }

    private final Parameters p;
    private final Random random;

    public CohortSimulator(Parameters parameters, long seed) {
        this.p = parameters;
        this.random = new Random(seed);
    }

    /** Several independently seeded networks as one cohort; therapists are numbered across them. */
    public static List<SimulatedDyad> cohort(Parameters parameters, long... seeds) {
        List<SimulatedDyad> dyads = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            int offset = i * parameters.therapists();
            for (SimulatedDyad dyad : new CohortSimulator(parameters, seeds[i]).simulate()) {
                dyads.add(new SimulatedDyad(i, dyad.therapist() + offset, dyad.dyad(), dyad.course(), dyad.truth(),
                        dyad.answers()));
            }
        }
        return dyads;
    }

    public List<SimulatedDyad> simulate() {
        List<SimulatedDyad> dyads = new ArrayList<>();
        for (int therapist = 0; therapist < p.therapists(); therapist++) {
            double therapistEffect = gaussian(p.therapistSd());
            for (int client = 0; client < p.clientsPerTherapist(); client++) {
                dyads.add(dyad(therapist, therapistEffect));
            }
        }
        return dyads;
    }

    private SimulatedDyad dyad(int therapist, double therapistEffect) {
        UUID dyadId = new UUID(random.nextLong(), random.nextLong());
        Instant start = NETWORK_START.plus(Duration.ofDays(random.nextInt(p.startWeeks() * 7)));
        int planned = p.plannedMin() + random.nextInt(p.plannedMax() - p.plannedMin() + 1);
        boolean lowFit = random.nextDouble() < p.lowFitShare();
        boolean waiSr = random.nextDouble() < p.waiSrShare();
        double level = lowFit ? p.lowFitMean() + gaussian(p.allianceSdBetween())
                : p.allianceMean() + gaussian(p.allianceSdBetween()) + therapistEffect;
        double[] pillarOffset = { gaussian(p.pillarSd()), gaussian(p.pillarSd()), gaussian(p.pillarSd()) };
        double engagement = gaussian(p.engagementSd());
        double orsIntake = clamp(p.orsIntakeMean() + gaussian(p.orsIntakeSd()), 1, 38);
        double orsGainBase = p.orsGainMean() + gaussian(p.orsGainSd());

        boolean rupture = !lowFit && random.nextDouble() < p.ruptureShare();
        int onset = rupture ? 2 + random.nextInt(Math.max(1, Math.min(p.ruptureOnsetLast(), planned - 1) - 1)) : 0;
        Pillar pillar = rupture ? Pillar.values()[random.nextInt(3)] : null;
        double drop = rupture ? p.ruptureDropMin() + random.nextDouble() * (p.ruptureDropMax() - p.ruptureDropMin())
                : 0;
        boolean repairs = rupture && random.nextDouble() < p.repairShare();
        int repairAt = repairs ? onset + 1 + random.nextInt(p.repairAfterMax()) : 0;

        List<SessionObservation> sessions = new ArrayList<>();
        Map<UUID, Answers> answers = new HashMap<>();
        double[] hazard = new double[planned + 1];
        double drift = 0;
        boolean missedBefore = false;
        int repairedAt = 0;
        int dropoutAfter = 0;
        Ending ending = Ending.PLANNED;
        for (int number = 1; number <= planned; number++) {
            Instant at = start.plus(Duration.ofDays(7L * (number - 1)))
                    .plus(Duration.ofMinutes(Math.round(gaussian(1) * 24 * 60)));
            drift = p.driftPersistence() * drift + gaussian(p.driftSd());
            double base = level + drift + Math.min(p.growthCap(), p.growthPerSession() * (number - 1));
            double[] latent = new double[3];
            for (int i = 0; i < 3; i++) {
                latent[i] = base + pillarOffset[i];
            }
            boolean ruptured = rupture && number >= onset && (repairAt == 0 || number < repairAt);
            double fallNow = p.ruptureRamp() && number == onset ? drop / 2 : drop;
            if (ruptured) {
                for (int i = 0; i < 3; i++) {
                    latent[i] -= Pillar.values()[i] == pillar ? fallNow : p.ruptureSpill() * fallNow;
                }
            } else if (repairAt > 0 && number >= repairAt) {
                for (int i = 0; i < 3; i++) {
                    latent[i] += p.repairBonus();
                }
            }
            double overall = (latent[0] + latent[1] + latent[2]) / 3 - (ruptured ? p.ruptureSpill() * fallNow : 0);
            double latentTotal = latent[0] + latent[1] + latent[2] + overall;

            double lowAlliance = Math.max(0, (p.allianceMean() * 4 - latentTotal) / 4);
            double noShowLogit = p.noShowLogit() + engagement + 0.5 * lowAlliance;
            double u = random.nextDouble();
            Attendance attendance;
            boolean late = false;
            if (u < p.clinicCancelRate()) {
                attendance = Attendance.CANCELLED_BY_CLINIC;
            } else if (u < p.clinicCancelRate() + p.clientCancelRate()) {
                attendance = Attendance.CANCELLED_BY_CLIENT;
                late = random.nextDouble() < p.lateShare();
            } else if (random.nextDouble() < logistic(noShowLogit)) {
                attendance = Attendance.NO_SHOW;
            } else {
                attendance = Attendance.ATTENDED;
            }
            UUID sessionId = new UUID(random.nextLong(), random.nextLong());
            double orsTrue = clamp(orsIntake + (orsGainBase + p.orsGainPerSrsPoint() * (latentTotal - 36))
                    * (1 - Math.exp(-(number - 1) / 4.0)), 0, 40);
            if (attendance == Attendance.ATTENDED) {
                if (repairAt > 0 && number >= repairAt && repairedAt == 0) {
                    repairedAt = number;
                }
                Rated rated = random.nextDouble() < p.measureRate()
                        ? (waiSr ? waiSr(latent) : srs(latent, overall)) : null;
                Double ors = round1(clamp(orsTrue + gaussian(p.orsNoiseSd()), 0, 40));
                boolean feedback = random.nextDouble() < p.feedbackRate() - 0.1 * Math.max(0, engagement);
                // a client who skipped the forms left neither an alliance measure nor an ORS: the service can only
                // tell skipped feedback by the answers missing (until 2026-11-29 the scores were kept, flag aside)
                if (feedback) {
                    answers.put(sessionId, new Answers(rated == null ? null : rated.instrument(),
                            rated == null ? null : rated.answers(), orsItems(ors)));
                }
                sessions.add(SessionObservation.attended(sessionId, number, at,
                        feedback && rated != null ? rated.measure() : null, feedback ? ors : null, feedback));
            } else {
                sessions.add(SessionObservation.missed(sessionId, number, at, attendance, late));
            }

            boolean noImprovement = number >= 6 && orsTrue - orsIntake < 5;
            boolean unrepaired = ruptured && number >= onset + 2;
            double z = (latentTotal - p.allianceMean() * 4) / SRS_SD_BETWEEN_CLIENTS;
            double logit = p.hazardIntercept() + engagement - p.hazardPerAllianceSd() * clamp(z, -3, 1.5)
                    + (attendance == Attendance.NO_SHOW ? p.hazardNoShow() : 0)
                    + (missedBefore ? 0.5 * p.hazardNoShow() : 0)
                    + (unrepaired ? p.hazardRupture() : 0) + (noImprovement ? p.hazardNoImprovement() : 0);
            hazard[number] = number == planned ? 0 : logistic(logit);
            missedBefore = attendance == Attendance.NO_SHOW;
            if (number < planned && random.nextDouble() < hazard[number]) {
                ending = Ending.DROPOUT;
                dropoutAfter = number;
                if (random.nextDouble() < p.trailingNoShowShare()) {
                    Instant next = start.plus(Duration.ofDays(7L * number))
                            .plus(Duration.ofMinutes(Math.round(gaussian(1) * 24 * 60)));
                    sessions.add(SessionObservation.missed(new UUID(random.nextLong(), random.nextLong()),
                            number + 1, next, Attendance.NO_SHOW, false));
                }
                break;
            }
        }
        DyadCourse course = new DyadCourse(sessions);
        int last = course.sessions().get(course.sessions().size() - 1).number();
        Truth truth = new Truth(lowFit, onset <= last ? onset : 0, onset <= last ? pillar : null, repairedAt,
                ending, last, dropoutAfter, hazard);
        return new SimulatedDyad(0, therapist, dyadId, course, truth, answers);
    }

    /** SRS items: relationship (bond), goals and topics, approach or method (tasks), overall; 0-10, one decimal. */
    private Rated srs(double[] latent, double overall) {
        double common = gaussian(p.sessionNoiseSd());
        double relationship = item(latent[0] + common), goals = item(latent[1] + common),
                approach = item(latent[2] + common), whole = item(overall + common);
        return new Rated(AllianceMeasure.srs(relationship, goals, approach, whole), "SRS",
                List.of(relationship, goals, approach, whole));
    }

    /** Four ORS items (0-10, one decimal) adding up to the total. */
    private static List<Double> orsItems(double total) {
        int tenths = (int) Math.round(total * 10);
        List<Double> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int share = (tenths - sum(items)) / (4 - i);
            items.add(share / 10.0);
        }
        return items;
    }

    private static int sum(List<Double> items) {
        return items.stream().mapToInt(v -> (int) Math.round(v * 10)).sum();
    }

    private double item(double latent) {
        return round1(clamp(latent + gaussian(p.itemNoiseSd()), 0, 10));
    }

    /** WAI-SR: four 1-5 items per pillar from the same latent pillar (0-10 mapped onto 1-5). */
    private Rated waiSr(double[] latent) {
        double common = gaussian(p.sessionNoiseSd()) * 0.4;
        Integer[] answers = new Integer[12];
        int[][] items = { { 3, 5, 7, 9 }, { 4, 6, 8, 11 }, { 1, 2, 10, 12 } };
        for (int pillar = 0; pillar < 3; pillar++) {
            for (int item : items[pillar]) {
                double value = 1 + latent[pillar] * 0.4 + common + gaussian(p.itemNoiseSd()) * 0.4 * 1.5;
                answers[item - 1] = (int) Math.round(clamp(value, 1, 5));
            }
        }
        return new Rated(AllianceMeasure.waiSr(List.of(answers)), "WAI-SR",
                java.util.Arrays.stream(answers).map(Integer::doubleValue).toList());
    }

    private double gaussian(double sd) {
        return random.nextGaussian() * sd;
    }

    private static double logistic(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
