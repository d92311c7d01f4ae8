package org.alliancepulse.analytics.rules;

/**
 * Every clinical threshold the rules use, as one immutable value: {@link #defaults()} are CLINICAL.md's, and a what-if
 * replay passes others. The service reads them from {@link RulesConfig}.
 *
 * @param lowSrsTotal                an SRS total below this is a low alliance (36 of 40; OpenFIT, PCOMS practice)
 * @param warmUpScoredSessions       scored sessions that form a dyad's own baseline before the SD rule applies (3)
 * @param kWatch                     a fall of at least kWatch x SD below the running mean is a WATCH (1)
 * @param kRupture                   a fall of at least kRupture prediction SDs below the running mean, of one session
 *                                   or of a first signal and the session after it, is a RUPTURE (2, CLINICAL.md; 2.25
 *                                   is a documented alternative; see {@link Ruptures})
 * @param earlyDropIndex             during warm-up: a fall of at least this many index points (1 SRS point = 2.5) to an
 *                                   index below the low cut-off is a first signal
 * @param repairWindowScoredSessions a rupture not back at the pre-rupture mean within this many scored sessions after
 *                                   onset is unresolved (6)
 * @param fitIndex                   an index below this counts towards a fit concern (75 = SRS 30)
 * @param fitRunScoredSessions       consecutive scored sessions below fitIndex that make a fit concern (3)
 * @param fitFromSession             the first session number that may count towards a fit concern (3)
 * @param networkSdPrior             network session-to-session SD in index points until enough dyads are pooled
 * @param networkSdMinDyads          dyads (with two or more scored sessions) needed before the pooled SD replaces the
 *                                   prior
 * @param orsReliableChange          ORS change counted as reliable (5 points)
 * @param orsCutoff                  ORS clinical cut-off (25 adults, 32 children): only clients starting below it are
 *                                   expected to improve
 * @param orsImprovementBySession    the session number by which reliable ORS improvement is expected (6)
 * @param riskRaise                  dropout risk at or above this raises DROPOUT_RISK (0.5, CLINICAL.md; with the
 *                                   default intercept where the calibrated score is 0.3, 1.5 x the ~20 % base rate)
 * @param riskClear                  dropout risk below this clears it (0.35, CLINICAL.md: hysteresis)
 * @param cooldownDays               event-time days after an alert is resolved before the same kind is raised again
 *                                   for the dyad
 * @param risk                       the dropout-risk model's weights
 * @param ruptureMinDropIndex        the least fall, in index points, that can open a rupture (5 = 2 SRS points), so
 *                                   a dyad with near-zero variance at the ceiling does not flag a 1-point wobble
 * @param fitWindowScoredSessions    a fit concern needs fitRunScoredSessions low scores among the last this many
 *                                   scored sessions (3: CLINICAL.md's 3 in a row; 4, 3 of the last 4, is a documented
 *                                   alternative, robust to one noisy high score)
 * @param kPillarRupture             a session that is a first signal on the index is a RUPTURE at once also when one
 *                                   pillar alone fell at least this many of that pillar's prediction SDs (2.5: CLINICAL.md's
 *                                   k = 2 made strict for three pillars tested, z at 2.3 % / 3 = 2.43, rounded; "item-level
 *                                   drops matter"); 0 switches it off
 */
public record ClinicalThresholds(double lowSrsTotal, int warmUpScoredSessions, double kWatch, double kRupture,
        double earlyDropIndex, int repairWindowScoredSessions, double fitIndex, int fitRunScoredSessions,
        int fitFromSession, double networkSdPrior, int networkSdMinDyads, double orsReliableChange, double orsCutoff,
        int orsImprovementBySession, double riskRaise, double riskClear, int cooldownDays, RiskWeights risk,
        double ruptureMinDropIndex, int fitWindowScoredSessions, double kPillarRupture) {

    public ClinicalThresholds {
        if (warmUpScoredSessions < 1 || repairWindowScoredSessions < 1 || fitRunScoredSessions < 1) {
            throw new IllegalArgumentException("session counts must be at least 1");
        }
        if (kWatch <= 0 || kRupture < kWatch) {
            throw new IllegalArgumentException("need 0 < kWatch <= kRupture");
        }
        if (networkSdPrior <= 0) {
            throw new IllegalArgumentException("networkSdPrior must be positive");
        }
        if (!(riskClear <= riskRaise && riskClear >= 0 && riskRaise <= 1)) {
            throw new IllegalArgumentException("need 0 <= riskClear <= riskRaise <= 1 (hysteresis)");
        }
        if (cooldownDays < 0) {
            throw new IllegalArgumentException("cooldownDays must not be negative");
        }
        if (ruptureMinDropIndex < 0) {
            throw new IllegalArgumentException("ruptureMinDropIndex must not be negative");
        }
        if (fitWindowScoredSessions < fitRunScoredSessions) {
            throw new IllegalArgumentException("need fitWindowScoredSessions >= fitRunScoredSessions");
        }
        if (kPillarRupture < 0) {
            throw new IllegalArgumentException("kPillarRupture must not be negative (0 switches it off)");
        }
        // values outside the instruments' own scales would give figures for settings no one can mean (outside
        // probe: a what-if with fitIndex 150 or lowSrsTotal 1000 answered as if they were valid)
        within("lowSrsTotal", lowSrsTotal, 0, 40, "an SRS total (0-40)");
        within("earlyDropIndex", earlyDropIndex, 0, 100, "index points (0-100)");
        within("fitIndex", fitIndex, 0, 100, "an index (0-100)");
        within("networkSdPrior", networkSdPrior, 0, 100, "index points (0-100)");
        within("orsReliableChange", orsReliableChange, 0, 40, "ORS points (0-40)");
        within("orsCutoff", orsCutoff, 0, 40, "an ORS total (0-40)");
        within("ruptureMinDropIndex", ruptureMinDropIndex, 0, 100, "index points (0-100)");
        if (fitFromSession < 1 || orsImprovementBySession < 1 || networkSdMinDyads < 1) {
            throw new IllegalArgumentException("fitFromSession, orsImprovementBySession and networkSdMinDyads must be "
                    + "at least 1 (session numbers and counts begin at 1)");
        }
    }

    private static void within(String name, double value, double least, double most, String what) {
        if (!(value >= least && value <= most)) {
            throw new IllegalArgumentException(name + " must be " + what + ", not " + value);
        }
    }

    /** The thresholds as they were before {@code kPillarRupture} existed: it takes its default (2.5). */
    public ClinicalThresholds(double lowSrsTotal, int warmUpScoredSessions, double kWatch, double kRupture,
            double earlyDropIndex, int repairWindowScoredSessions, double fitIndex, int fitRunScoredSessions,
            int fitFromSession, double networkSdPrior, int networkSdMinDyads, double orsReliableChange,
            double orsCutoff, int orsImprovementBySession, double riskRaise, double riskClear, int cooldownDays,
            RiskWeights risk, double ruptureMinDropIndex, int fitWindowScoredSessions) {
        this(lowSrsTotal, warmUpScoredSessions, kWatch, kRupture, earlyDropIndex, repairWindowScoredSessions,
                fitIndex, fitRunScoredSessions, fitFromSession, networkSdPrior, networkSdMinDyads, orsReliableChange,
                orsCutoff, orsImprovementBySession, riskRaise, riskClear, cooldownDays, risk, ruptureMinDropIndex,
                fitWindowScoredSessions, DEFAULT_K_PILLAR_RUPTURE);
    }

    /**
     * The thresholds as they were before {@code ruptureMinDropIndex} and {@code fitWindowScoredSessions} existed:
     * those two take their defaults (5 index points; a window of fitRunScoredSessions, i.e. a run in a row).
     */
    public ClinicalThresholds(double lowSrsTotal, int warmUpScoredSessions, double kWatch, double kRupture,
            double earlyDropIndex, int repairWindowScoredSessions, double fitIndex, int fitRunScoredSessions,
            int fitFromSession, double networkSdPrior, int networkSdMinDyads, double orsReliableChange,
            double orsCutoff, int orsImprovementBySession, double riskRaise, double riskClear, int cooldownDays,
            RiskWeights risk) {
        this(lowSrsTotal, warmUpScoredSessions, kWatch, kRupture, earlyDropIndex, repairWindowScoredSessions,
                fitIndex, fitRunScoredSessions, fitFromSession, networkSdPrior, networkSdMinDyads, orsReliableChange,
                orsCutoff, orsImprovementBySession, riskRaise, riskClear, cooldownDays, risk,
                DEFAULT_RUPTURE_MIN_DROP_INDEX, fitRunScoredSessions);
    }

    private static final double DEFAULT_RUPTURE_MIN_DROP_INDEX = 5;

    private static final double DEFAULT_K_PILLAR_RUPTURE = 2.5;

    /** CLINICAL.md's defaults; where it names none (SD prior, cool-down, risk weights) the documented choices. */
    public static ClinicalThresholds defaults() {
        return new ClinicalThresholds(36, 3, 1, 2, 2.5, 6, 75, 3, 3, 5.0, 30, 5, 25, 6, 0.5, 0.35, 14,
                RiskWeights.defaults(), DEFAULT_RUPTURE_MIN_DROP_INDEX, 3, DEFAULT_K_PILLAR_RUPTURE);
    }

    /** The SRS low cut-off on the 0-100 index (36 x 2.5 = 90), used for measures of any instrument. */
    public double lowIndex() {
        return lowSrsTotal * 2.5;
    }

    /**
     * The dropout-risk model: logit p = intercept + sum of weight x factor value (see {@link DropoutRisk}).
     *
     * @param intercept         log-odds with no factor present (default -1.7, p = 0.154: an alerting scale for
     *                          CLINICAL.md's 0.5 / 0.35; the calibrated value is -2.55, p = 0.072, for use with raise
     *                          0.3 and clear 0.2; see docs/clinical-rules.md)
     * @param earlyNoShow       a no-show in sessions 1-3
     * @param recentMissed      per no-show or late cancellation among the last {@code recentSessions} sessions (a
     *                          no-show counted as early is not counted again)
     * @param recentSessions    how many recorded sessions count as recent
     * @param latestNoShow      the session assessed (the latest recorded) was a no-show, on top of its place in
     *                          the recent count
     * @param lowAlliance       per between-client SD ({@code allianceSd}) the dyad's mean index so far is below the low
     *                          cut-off (fitted 0.5; Sharf 2010's d = .55 alone would be a log odds ratio of 1.0)
     * @param allianceSd        between-client SD of the alliance index (10 index points = 4 SRS points)
     * @param fallingAlliance   per SD (as the rupture rule measures it) the index is below the dyad's running mean
     * @param unresolvedRupture a rupture not repaired within the repair window
     * @param noOrsImprovement  no reliable ORS improvement by session {@code orsImprovementBySession}
     * @param orsDeterioration  ORS at least the reliable change below intake
     * @param feedbackSkipped   no feedback at the last two attended sessions before the one assessed
     * @param overdue           per usual interval beyond the usual interval since the last attended session
     */
    public record RiskWeights(double intercept, double earlyNoShow, double recentMissed, int recentSessions,
            double latestNoShow, double lowAlliance, double allianceSd, double fallingAlliance, double unresolvedRupture,
            double noOrsImprovement, double orsDeterioration, double feedbackSkipped, double overdue) {

        public RiskWeights {
            if (recentSessions < 1 || allianceSd <= 0) {
                throw new IllegalArgumentException("recentSessions and allianceSd must be positive");
            }
        }

        /**
         * The default intercept: the calibrated -2.55 plus logit(0.5) - logit(0.3) = 0.85, rounded to 0.05, so that
         * CLINICAL.md's raise at 0.5 is where the calibrated score reaches 0.3 (1.5 x the ~20 % dropout rate) and
         * its clear below 0.35 where it is back at ~0.19 (the base rate). An alerting scale, not a probability.
         */
        private static final double ALERTING_INTERCEPT = -1.7;

        public static RiskWeights defaults() {
            return new RiskWeights(ALERTING_INTERCEPT, 0.35, 0.2, 4, 0.7, 0.5, 10, 0.4, 0, 0, 0.2, 0.4, 0.1);
        }
    }
}
