package org.alliancepulse.analytics.rules.simulation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.Parameters;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.SimulatedDyad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Scores the rules with CLINICAL.md's defaults on a simulated cohort (4 networks x 60 therapists x 20 clients) and
 * fails when a figure falls below what docs/clinical-rules.md reports, less a small margin.
 */
class CohortEvaluationTest {

    static final long[] SEEDS = { 20261127L, 7L, 42L, 1913L };
    private static final double MARGIN = 0.03;

    @Test
    void theRulesKeepTheFiguresTheDocReports() {
        List<SimulatedDyad> cohort = CohortSimulator.cohort(Parameters.plausible(), SEEDS);
        CohortEvaluation.Figures f = CohortEvaluation.evaluate(cohort, ClinicalThresholds.defaults());
        System.out.println("CLINICAL.md defaults, plausible network, seeds 20261127 7 42 1913\n" + f.table());

        assertAll(
                atLeast("rupture precision", f.rupturePrecision(), Documented.RUPTURE_PRECISION),
                atLeast("rupture recall", f.ruptureRecall(), Documented.RUPTURE_RECALL),
                atLeast("rupture recall, scored while they lasted", f.ruptureRecallScoredWhileItLasted(),
                        Documented.RUPTURE_RECALL_SCORED),
                atLeast("pillar accuracy", f.pillarAccuracy(), Documented.PILLAR_ACCURACY),
                atLeast("repair recall", f.repairRecall(), Documented.REPAIR_RECALL),
                atLeast("fit-concern precision", f.fitPrecision(), Documented.FIT_PRECISION),
                atLeast("fit-concern recall", f.fitRecall(), Documented.FIT_RECALL),
                atLeast("dropout-risk AUC", f.riskAuc(), Documented.RISK_AUC),
                atLeast("dropouts alerted before last", f.dropoutsAlertedBeforeLast(), Documented.DROPOUTS_ALERTED),
                atLeast("ratio dropouts / planned alerted", f.dropoutToPlannedRatio(), Documented.RATIO),
                () -> assertTrue(f.alertsPerTherapistWeekP90() <= Documented.ALERTS_P90,
                        "alerts per therapist-week p90 " + f.alertsPerTherapistWeekP90()));
    }

    @Test
    void theRulesKeepTheFiguresTheDocReportsInTheRobustnessWorld() {
        List<SimulatedDyad> cohort = CohortSimulator.cohort(Parameters.harsh(), SEEDS);
        CohortEvaluation.Figures f = CohortEvaluation.evaluate(cohort, ClinicalThresholds.defaults());
        System.out.println("CLINICAL.md defaults, robustness world, seeds 20261127 7 42 1913\n" + f.table());

        assertAll(
                atLeast("rupture precision", f.rupturePrecision(), Robust.RUPTURE_PRECISION),
                atLeast("rupture recall", f.ruptureRecall(), Robust.RUPTURE_RECALL),
                atLeast("rupture recall, scored while they lasted", f.ruptureRecallScoredWhileItLasted(),
                        Robust.RUPTURE_RECALL_SCORED),
                atLeast("repair recall", f.repairRecall(), Robust.REPAIR_RECALL),
                atLeast("fit-concern precision", f.fitPrecision(), Robust.FIT_PRECISION),
                atLeast("fit-concern recall", f.fitRecall(), Robust.FIT_RECALL),
                atLeast("dropout-risk AUC", f.riskAuc(), Robust.RISK_AUC),
                atLeast("dropouts alerted before last", f.dropoutsAlertedBeforeLast(), Robust.DROPOUTS_ALERTED),
                atLeast("ratio dropouts / planned alerted", f.dropoutToPlannedRatio(), Robust.RATIO),
                () -> assertTrue(f.alertsPerTherapistWeekP90() <= Documented.ALERTS_P90,
                        "alerts per therapist-week p90 " + f.alertsPerTherapistWeekP90()));
    }

    /** What-ifs for clinical governance; printed, not asserted (see the doc's trade-off table). */
    @Test
    void printsWhatIfs() {
        ClinicalThresholds defaults = ClinicalThresholds.defaults();
        List<SimulatedDyad> cohort = CohortSimulator.cohort(Parameters.plausible(), SEEDS);
        List<SimulatedDyad> harsh = CohortSimulator.cohort(Parameters.harsh(), SEEDS);
        ClinicalThresholds alternatives = alternatives(defaults);
        print("ALTERNATIVES kRupture 2.25, fitWindowScoredSessions 4, risk intercept -2.55 (calibrated), raised at 0.3,"
                + " cleared below 0.2", cohort, alternatives);
        print("ALTERNATIVES, robustness world", harsh, alternatives);
        print("the pillar path off (kPillarRupture 0)", cohort, WhatIf.with(defaults, "kPillarRupture", 0.0));
        print("the pillar path off (kPillarRupture 0), robustness world", harsh,
                WhatIf.with(defaults, "kPillarRupture", 0.0));
        print("kRupture 2.25 alone", cohort, WhatIf.with(defaults, "kRupture", 2.25));
        print("kRupture 2.25 alone, robustness world", harsh, WhatIf.with(defaults, "kRupture", 2.25));
        print("kRupture 2.5", cohort, WhatIf.with(defaults, "kRupture", 2.5));
        print("early rule off (earlyDropIndex 100)", cohort, WhatIf.with(defaults, "earlyDropIndex", 100.0));
        print("fit concern 3 of the last 4 (fitWindowScoredSessions 4) alone", cohort,
                WhatIf.with(defaults, "fitWindowScoredSessions", 4));
        print("fit concern 3 of the last 4 alone, robustness world", harsh,
                WhatIf.with(defaults, "fitWindowScoredSessions", 4));
        print("calibrated risk (intercept -2.55), raised at 0.3, cleared below 0.2", cohort, calibrated(defaults));
        print("calibrated risk (intercept -2.55), raised at 0.3, cleared below 0.2, robustness world", harsh,
                calibrated(defaults));
        print("calibrated risk (intercept -2.55) at CLINICAL.md's 0.5 / 0.35", cohort,
                withIntercept(defaults, -2.55));
        for (double intercept : new double[] { -1.5, -1.8, -2.0 }) {
            print("risk intercept " + intercept + " at 0.5 / 0.35", cohort, withIntercept(defaults, intercept));
        }
        print("risk intercept -1.8 at 0.5 / 0.35, robustness world", harsh, withIntercept(defaults, -1.8));
        print("previous simulator's rupture share (25 % of fitting dyads) and hazard intercept -5.1", CohortSimulator
                .cohort(WhatIf.with(WhatIf.with(Parameters.plausible(), "ruptureShare", 0.25), "hazardIntercept", -5.1),
                        SEEDS), defaults);
        print("kRupture 2.25 at the previous simulator's rupture share", CohortSimulator
                .cohort(WhatIf.with(WhatIf.with(Parameters.plausible(), "ruptureShare", 0.25), "hazardIntercept", -5.1),
                        SEEDS), WhatIf.with(defaults, "kRupture", 2.25));
        print("defaults, alliance noise x 1.5",
                CohortSimulator.cohort(Parameters.plausible().withNoise(1.5), SEEDS), defaults);
        print("defaults, alliance noise x 0.7",
                CohortSimulator.cohort(Parameters.plausible().withNoise(0.7), SEEDS), defaults);
        // a network new to the service: every course begins in its first month, with no year before it to pool
        print("defaults, every client starting in the first 2 weeks", CohortSimulator.cohort(
                WhatIf.with(Parameters.plausible(), "startWeeks", 2), SEEDS), defaults);
        print("defaults, every client starting in the first 2 weeks, robustness world", CohortSimulator.cohort(
                WhatIf.with(Parameters.harsh(), "startWeeks", 2), SEEDS), defaults);
        // a full caseload: 60 clients per therapist over the 40 weeks, about 18 at a time instead of about 6
        print("defaults, 60 clients per therapist (a full caseload)", CohortSimulator.cohort(
                WhatIf.with(WhatIf.with(Parameters.plausible(), "clientsPerTherapist", 60), "therapists", 20), SEEDS),
                defaults);
        print("risk intercept -1.8, 60 clients per therapist (a full caseload)", CohortSimulator.cohort(
                WhatIf.with(WhatIf.with(Parameters.plausible(), "clientsPerTherapist", 60), "therapists", 20), SEEDS),
                withIntercept(defaults, -1.8));
        System.out.printf(java.util.Locale.ROOT, "DIAGNOSTIC the same factors fitted to the per-session"
                + " label on other seeds (101 102 103 104): AUC %.3f%n", FittedRisk.auc(
                        CohortSimulator.cohort(Parameters.plausible(), 101L, 102L, 103L, 104L), cohort, defaults));
        System.out.println("DIAGNOSTIC the default risk weights refitted on seeds 101 102 103 104 (per-session fit, then"
                + " one Platt step; docs/clinical-rules.md rounds them to 0.05 and sets the negative or negligible"
                + " ones to 0)\n" + FittedRisk.weights(
                        CohortSimulator.cohort(Parameters.plausible(), 101L, 102L, 103L, 104L), defaults));
    }

    /** The colleague's settings, kept as documented configuration (docs/clinical-rules.md, alternatives). */
    static ClinicalThresholds alternatives(ClinicalThresholds defaults) {
        return WhatIf.with(WhatIf.with(calibrated(defaults), "kRupture", 2.25), "fitWindowScoredSessions", 4);
    }

    /** The calibrated dropout-risk score: intercept -2.55, raised at 0.3 (1.5 x base rate), cleared below 0.2. */
    static ClinicalThresholds calibrated(ClinicalThresholds defaults) {
        return WhatIf.with(WhatIf.with(withIntercept(defaults, -2.55), "riskClear", 0.2), "riskRaise", 0.3);
    }

    static ClinicalThresholds withIntercept(ClinicalThresholds t, double intercept) {
        return WhatIf.with(t, "risk", WhatIf.with(t.risk(), "intercept", intercept));
    }

    private static void print(String name, List<SimulatedDyad> cohort, ClinicalThresholds t) {
        System.out.println("WHAT-IF " + name + "\n" + CohortEvaluation.evaluate(cohort, t).table());
    }

    private static Executable atLeast(String name, double measured, double documented) {
        return () -> assertTrue(measured >= documented - MARGIN,
                name + " " + measured + " fell below the documented " + documented + " (margin " + MARGIN + ")");
    }

    /** The figures in docs/clinical-rules.md for the robustness world (Parameters.harsh, SEEDS). */
    private static final class Robust {
        static final double RUPTURE_PRECISION = 0.36;
        static final double RUPTURE_RECALL = 0.46;
        static final double RUPTURE_RECALL_SCORED = 0.48;
        static final double REPAIR_RECALL = 0.89;
        static final double FIT_PRECISION = 0.97;
        static final double FIT_RECALL = 0.70;
        static final double RISK_AUC = 0.74;
        static final double DROPOUTS_ALERTED = 0.23;
        static final double RATIO = 2.2;
    }

    /** The figures in docs/clinical-rules.md (CLINICAL.md defaults, the plausible network, SEEDS). */
    private static final class Documented {
        static final double RUPTURE_PRECISION = 0.91;
        static final double RUPTURE_RECALL = 0.73;
        static final double RUPTURE_RECALL_SCORED = 0.80;
        static final double PILLAR_ACCURACY = 0.98;
        static final double REPAIR_RECALL = 0.91;
        static final double FIT_PRECISION = 0.94;
        static final double FIT_RECALL = 0.83;
        static final double RISK_AUC = 0.80;
        static final double DROPOUTS_ALERTED = 0.34;
        static final double RATIO = 2.16;
        static final double ALERTS_P90 = 1;
    }
}
