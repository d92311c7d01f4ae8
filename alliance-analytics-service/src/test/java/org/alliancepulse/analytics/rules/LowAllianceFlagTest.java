package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowAllianceFlagTest {

    @ParameterizedTest(name = "SRS {0} {1} {2} {3} -> low {4}")
    @CsvSource({
            "9, 9, 9, 9, false",
            "9, 9, 9, 8.9, true",
            "10, 10, 10, 5.9, true",
            "10, 10, 10, 6, false",
            "0, 0, 0, 0, true",
    })
    void flagsAnSrsTotalBelowTheCutOff(double relationship, double goals, double approach, double overall,
            boolean low) {
        assertEquals(low, LowAllianceFlag.applies(AllianceMeasure.srs(relationship, goals, approach, overall),
                ClinicalThresholds.defaults()));
    }

    @Test
    void aWaiSrOrNoMeasureIsNeverFlagged() {
        assertEquals(false, LowAllianceFlag.applies(AllianceMeasure.waiSr(Collections.nCopies(12, 1)),
                ClinicalThresholds.defaults()));
        assertEquals(false, LowAllianceFlag.applies(null, ClinicalThresholds.defaults()));
    }
}
