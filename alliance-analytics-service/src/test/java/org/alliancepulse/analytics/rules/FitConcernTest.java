package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;

import org.alliancepulse.analytics.course.DyadCourse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitConcernTest {

    private static final ClinicalThresholds DEFAULTS = ClinicalThresholds.defaults();

    /** Whether a fit concern holds per session (F/T); network SD 5; 3 low of the last 4 scored from session 3. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "never high, from session 3; 70 70 70 70 70; F F F F T",
            "sessions 1 and 2 do not count; 70 70 70 80; F F F F",
            "exactly 75 is not low; 74.9 74.9 74.9 75 75 74.9; F F F F F F",
            "just under 75 three times; 80 80 74.9 74.9 74.9; F F F F T",
            // 3 of the last 4 scored sessions: one good session does not restart the count, two do
            "one good session in four; 70 70 70 70 76 70 70; F F F F F T T",
            "two good sessions in four; 70 70 70 76 76 70 70; F F F F F F F",
            "three low of four, the latest good; 70 70 70 70 76; F F F F F",
            "unscored sessions do not break the run; 70 70 70 x 70 - 70; F F F F F F T",
            "clears after three at or above 75; 70 70 70 70 70 80 80 80; F F F F T T T F",
            "one good session does not clear it; 70 70 70 70 70 80 70 80 80; F F F F T T T T T",
            // a fall from a higher baseline is a rupture, not a fit concern
            "fall from a high baseline; 95 95 95 70 70 70 70; F F F F F F F",
            "unrepaired rupture stays a rupture; 95 95 95 70 70 70 70 70 70 70 70; F F F F F F F F F F F",
    })
    void holdsAfterARunOfLowSessions(String name, String course, String expected) {
        DyadCourse c = Courses.weekly(course);

        assertEquals(expected, FitConcern.track(c, Ruptures.track(c, 5, DEFAULTS), DEFAULTS).stream()
                .map(b -> b ? "T" : "F").collect(Collectors.joining(" ")));
    }
}
