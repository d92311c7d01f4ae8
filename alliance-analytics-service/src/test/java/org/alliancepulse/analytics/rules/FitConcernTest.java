package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;

import org.alliancepulse.analytics.course.DyadCourse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitConcernTest {

    private static final ClinicalThresholds DEFAULTS = ClinicalThresholds.defaults();

    /** Whether a fit concern holds per session (F/T); network SD 5; 3 low scored sessions in a row from session 3. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "never high, from session 3; 70 70 70 70 70; F F F F T",
            "sessions 1 and 2 do not count; 70 70 70 80; F F F F",
            "exactly 75 is not low; 74.9 74.9 74.9 75 75 74.9; F F F F F F",
            "just under 75 three times; 80 80 74.9 74.9 74.9; F F F F T",
            // 3 in a row (CLINICAL.md): one good session restarts the count
            "two in a row are not enough; 80 80 74.9 74.9; F F F F",
            "one good session restarts the count; 70 70 70 70 76 70 70; F F F F F F F",
            "three in a row again after it; 70 70 70 70 76 70 70 70; F F F F F F F T",
            "two good sessions in four; 70 70 70 76 76 70 70; F F F F F F F",
            "three low of four, the latest good; 70 70 70 70 76; F F F F F",
            "unscored sessions do not break the run; 70 70 70 x 70 - 70; F F F F F F T",
            "clears after three at or above 75; 70 70 70 70 70 80 80 80; F F F F T T T F",
            "one good session does not clear it; 70 70 70 70 70 80 70 80 80; F F F F T T T T T",
            // a fall from a higher baseline is a rupture, not a fit concern
            "fall from a high baseline; 95 95 95 70 70 70 70; F F F F F F F",
            "unrepaired rupture stays a rupture; 95 95 95 70 70 70 70 70 70 70 70; F F F F F F F F F F F",
            // a rupture from a baseline already below 75 does not hold the fit concern back: the dyad was low before
            "a fall within a low dyad is both; 70 70 70 60 60 60; F F F F T T",
            "pre-rupture mean exactly 75 holds it back; 76 76 73 63 63; F F F F F",
            "pre-rupture mean 74.9 does not; 76 76 72.7 63 63; F F F F T",
    })
    void holdsAfterARunOfLowSessions(String name, String course, String expected) {
        DyadCourse c = Courses.weekly(course);

        assertEquals(expected, FitConcern.track(c, Ruptures.track(c, 5, DEFAULTS), DEFAULTS).stream()
                .map(b -> b ? "T" : "F").collect(Collectors.joining(" ")));
    }

    /** The documented alternative fitWindowScoredSessions 4: 3 low of the last 4 scored sessions. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "one good session in four; 70 70 70 70 76 70 70; F F F F F T T",
            "two good sessions in four; 70 70 70 76 76 70 70; F F F F F F F",
            "three low of four, the latest good; 70 70 70 70 76; F F F F F",
            "three in a row still counts; 80 80 74.9 74.9 74.9; F F F F T",
    })
    void withAWindowOfFourOneGoodSessionDoesNotRestartTheCount(String name, String course, String expected) {
        ClinicalThresholds d = DEFAULTS;
        ClinicalThresholds window4 = new ClinicalThresholds(d.lowSrsTotal(), d.warmUpScoredSessions(), d.kWatch(),
                d.kRupture(), d.earlyDropIndex(), d.repairWindowScoredSessions(), d.fitIndex(),
                d.fitRunScoredSessions(), d.fitFromSession(), d.networkSdPrior(), d.networkSdMinDyads(),
                d.orsReliableChange(), d.orsCutoff(), d.orsImprovementBySession(), d.riskRaise(), d.riskClear(),
                d.cooldownDays(), d.risk(), d.ruptureMinDropIndex(), 4);
        DyadCourse c = Courses.weekly(course);

        assertEquals(expected, FitConcern.track(c, Ruptures.track(c, 5, window4), window4).stream()
                .map(b -> b ? "T" : "F").collect(Collectors.joining(" ")));
    }
}
