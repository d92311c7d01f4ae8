package org.alliancepulse.analytics.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The clinical rules' thresholds: configuration, so a clinic network can follow its own clinical governance. */
@ConfigMapping(prefix = "alliance-pulse.rules")
public interface RulesConfig {

    /** An SRS total below this is a low alliance (OpenFIT, PCOMS practice: scores cluster at 36-40). */
    @WithDefault("36")
    double lowSrsTotal();

    /** Scored sessions that form a dyad's own baseline before the SD rupture rule applies. */
    @WithDefault("3")
    int warmUpScoredSessions();

    /** A fall of this many SDs below the dyad's running mean is a WATCH (shown, not alerted). */
    @WithDefault("1")
    double kWatch();

    /**
     * A fall of this many prediction SDs below the dyad's running mean, of one session or of a first signal confirmed
     * by the next scored session, is a RUPTURE (Stiles 2004, Strauss 2006 style; CLINICAL.md's 2; 2.25 is a
     * documented alternative, see docs/clinical-rules.md).
     */
    @WithDefault("2")
    double kRupture();

    /** During warm-up: a fall of this many index points (1 SRS point) to below the low cut-off is a first signal. */
    @WithDefault("2.5")
    double earlyDropIndex();

    /** The least fall, in index points, that can open a rupture (5 = 2 SRS points, above one within-client SD). */
    @WithDefault("5")
    double ruptureMinDropIndex();

    /**
     * A first signal on the index is a rupture at once also when one pillar alone fell at least this many of its own
     * prediction SDs (2.5: k = 2 made strict for three pillars tested); 0 switches it off.
     */
    @WithDefault("2.5")
    double kPillarRupture();

    /**
     * A fit concern needs fitRunScoredSessions low scores among the last this many scored sessions (3: CLINICAL.md's
     * "3 in a row"; 4 is a documented alternative).
     */
    @WithDefault("3")
    int fitWindowScoredSessions();

    /** Scored sessions after onset within which the index must be back at the pre-rupture mean to count as repaired. */
    @WithDefault("6")
    int repairWindowScoredSessions();

    /** An index below this counts towards a fit concern (75 = SRS 30). */
    @WithDefault("75")
    double fitIndex();

    /** Consecutive scored sessions below the fit index that make a fit concern. */
    @WithDefault("3")
    int fitRunScoredSessions();

    /** The first session number that may count towards a fit concern. */
    @WithDefault("3")
    int fitFromSession();

    /** Network session-to-session SD of the index (index points) used until enough dyads are pooled. */
    @WithDefault("5")
    double networkSdPrior();

    /** Dyads with two or more scored sessions needed before the pooled network SD replaces the prior. */
    @WithDefault("30")
    int networkSdMinDyads();

    /** ORS change counted as reliable (points). */
    @WithDefault("5")
    double orsReliableChange();

    /** ORS clinical cut-off: 25 for adults, 32 for children. */
    @WithDefault("25")
    double orsCutoff();

    /** Session number by which a client starting below the ORS cut-off is expected to have improved reliably. */
    @WithDefault("6")
    int orsImprovementBySession();

    /** Dropout risk at or above this raises a DROPOUT_RISK alert (CLINICAL.md; 0.3 with the calibrated intercept). */
    @WithDefault("0.5")
    double riskRaise();

    /** Dropout risk below this clears a DROPOUT_RISK alert (CLINICAL.md, hysteresis; 0.2 with calibrated intercept). */
    @WithDefault("0.35")
    double riskClear();

    /** Event-time days after an alert is resolved before the same kind is raised again for the dyad. */
    @WithDefault("14")
    int cooldownDays();

    /** The dropout-risk model's weights (log-odds). */
    Risk risk();

    /** Weights of the logistic dropout-risk model; see docs/clinical-rules.md for their grounds. */
    interface Risk {

        /**
         * Log-odds with no factor present. Default -1.7: an alerting scale on which CLINICAL.md's 0.5 is a calibrated
         * 0.3; -2.55 is the calibrated value (a probability of dropout), documented for use with raise 0.3 / clear 0.2.
         */
        @WithDefault("-1.7")
        double intercept();

        /** Log-odds added by a no-show in sessions 1-3. */
        @WithDefault("0.35")
        double earlyNoShow();

        /** Log-odds added per no-show or late cancellation among the recent sessions. */
        @WithDefault("0.2")
        double recentMissed();

        /** How many recorded sessions count as recent. */
        @WithDefault("4")
        int recentSessions();

        /** Log-odds added when the session assessed, the latest recorded, was a no-show (on top of the recent count). */
        @WithDefault("0.7")
        double latestNoShow();

        /** Log-odds per between-client SD the dyad's mean index is below the low cut-off (Sharf 2010 alone: 1.0). */
        @WithDefault("0.5")
        double lowAlliance();

        /** Between-client SD of the alliance index, in index points. */
        @WithDefault("10")
        double allianceSd();

        /** Log-odds per SD the index is below the dyad's running mean. */
        @WithDefault("0.4")
        double fallingAlliance();

        /** Log-odds added by an unresolved rupture (0: no effect beyond low and falling alliance when fitted). */
        @WithDefault("0")
        double unresolvedRupture();

        /** Log-odds added by no reliable ORS improvement by the expected session (0: no independent effect fitted). */
        @WithDefault("0")
        double noOrsImprovement();

        /** Log-odds added by a reliable ORS deterioration. */
        @WithDefault("0.2")
        double orsDeterioration();

        /** Log-odds added when no feedback was given at the last two attended sessions before the one assessed. */
        @WithDefault("0.4")
        double feedbackSkipped();

        /** Log-odds per usual interval beyond the usual interval since the last attended session. */
        @WithDefault("0.1")
        double overdue();
    }

    /** These settings as the value the pure rules take. */
    default ClinicalThresholds thresholds() {
        Risk r = risk();
        return new ClinicalThresholds(lowSrsTotal(), warmUpScoredSessions(), kWatch(), kRupture(), earlyDropIndex(),
                repairWindowScoredSessions(), fitIndex(), fitRunScoredSessions(), fitFromSession(), networkSdPrior(),
                networkSdMinDyads(), orsReliableChange(), orsCutoff(), orsImprovementBySession(), riskRaise(),
                riskClear(), cooldownDays(),
                new ClinicalThresholds.RiskWeights(r.intercept(), r.earlyNoShow(), r.recentMissed(),
                        r.recentSessions(), r.latestNoShow(), r.lowAlliance(), r.allianceSd(), r.fallingAlliance(),
                        r.unresolvedRupture(), r.noOrsImprovement(), r.orsDeterioration(), r.feedbackSkipped(),
                        r.overdue()),
                ruptureMinDropIndex(), fitWindowScoredSessions(), kPillarRupture());
    }
}
