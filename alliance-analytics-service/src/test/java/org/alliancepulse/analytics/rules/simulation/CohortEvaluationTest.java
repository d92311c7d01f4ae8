package org.alliancepulse.analytics.rules.simulation;

import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.junit.jupiter.api.Test;

class CohortEvaluationTest {

    @Test
    void printsFigures() {
        for (long seed : new long[] { 20261127L, 7L }) {
            CohortEvaluation.Figures f = CohortEvaluation.evaluate(
                    new CohortSimulator(CohortSimulator.Parameters.plausible(), seed).simulate(),
                    ClinicalThresholds.defaults());
            System.out.println("seed " + seed + "\n" + f.table());
        }
    }
}
