package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RupturesTest {

    private static final ClinicalThresholds DEFAULTS = ClinicalThresholds.defaults();

    /**
     * States per session; network SD 5 unless the dyad's own SD is larger. N=NONE W=WATCH R=RUPTURE P=REPAIRED
     * U=UNRESOLVED.
     */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "steady dyad; 90 90 90 90 90; N N N N N",
            // after warm-up: k x max(within SD 0, network SD 5); exactly 2 SD is a rupture, just under is a watch
            "fall of exactly 2 SD; 90 90 90 80; N N N R",
            "fall just under 2 SD; 90 90 90 80.1; N N N W",
            "fall of exactly 1 SD; 90 90 90 85; N N N W",
            "fall just under 1 SD; 90 90 90 85.1; N N N N",
            "own SD 10 beats network SD 5; 80 100 90 70; N N N R",
            "own SD 10, 1.9 SD; 80 100 90 71; N N N W",
            // a rise is never a rupture
            "rise; 80 80 80 100; N N N N",
            // warm-up: drop >= 2.5 from the previous session, from >= 90 to < 90
            "early drop of exactly 1 SRS point; 92 89.5; N R",
            "early drop just under 1 point; 92 89.6; N N",
            "early drop from exactly the cut-off; 90 87.5; N R",
            "early drop that stays above the cut-off; 97 90; N N",
            "early drop within the low zone; 80 70; N N",
            "early rule applies up to the 3rd scored; 92 92 88; N N R",
            // repair: back to at least the pre-rupture mean (90) within 6 scored sessions
            "repaired at the mean; 90 90 90 80 89.9 90; N N N R R P",
            "repaired at the 6th scored after onset; 90 90 90 80 85 85 85 85 85 90; N N N R R R R R R P",
            "unresolved after 6; 90 90 90 80 85 85 85 85 85 85 85 95; N N N R R R R R R U U P",
            // sessions without a score carry the open rupture; they do not count towards the window
            "no-show inside a rupture; 90 90 90 80 x - 90; N N N R R R P",
            "no-shows in warm-up; 90 x 90 x 90 80; N N N N N R",
            // the rupture did not pull the baseline down: a second fall to 80 is again a rupture
            "second rupture after repair; 90 90 90 80 90 80; N N N R P R",
            "early rupture repaired to the mean of the sessions before; 94 86 94; N R P",
    })
    void tracksRuptureStates(String name, String course, String expected) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 5, DEFAULTS);

        assertEquals(expected, statuses.stream().map(s -> code(s.state())).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "bond alone fell; 90 90 90 80:60:90:90; BOND",
            "goals and tasks fell, goals more; 90 90 90 80:90:70:80; GOALS TASKS",
            "all fell a little, tasks most; 90 90 90 80:86:87:85; TASKS",
            "early rupture in goals; 92:92:92:92 88:92:80:92; GOALS",
    })
    void namesThePillarsThatFell(String name, String course, String pillars) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 5, DEFAULTS);
        RuptureStatus onset = statuses.get(statuses.size() - 1);

        assertEquals(true, onset.onset());
        assertEquals(pillars, onset.pillars().stream().map(Enum::name).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest(name = "{0} -> pre-rupture mean {1}, onset {2}")
    @CsvSource(delimiter = ';', value = {
            "90 92 94 80 x 81; 92; 4; 1",
            "94 86 87; 94; 2; 1",
    })
    void keepsTheBaselineOfTheSessionsBeforeOnset(String course, double mean, int onset, int scoredSince) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 5, DEFAULTS);
        RuptureStatus last = statuses.get(statuses.size() - 1);

        assertEquals(mean, last.preRuptureMean(), 1e-9);
        assertEquals(onset, last.onsetNumber());
        assertEquals(scoredSince, last.scoredSinceOnset());
    }

    private static String code(RuptureState state) {
        return switch (state) {
            case NONE -> "N";
            case WATCH -> "W";
            case RUPTURE -> "R";
            case REPAIRED -> "P";
            case UNRESOLVED -> "U";
        };
    }
}
