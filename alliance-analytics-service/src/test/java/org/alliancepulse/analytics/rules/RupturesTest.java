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
     * U=UNRESOLVED. The SD of a fall is the prediction SD: SD x sqrt(1 + 1/n) for one session against n baseline
     * sessions (5 x 1.1547 = 5.774 for n = 3), SD x sqrt(1/2 + 1/n) for the mean of two (5 x 0.9129 = 4.564).
     */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "steady dyad; 90 90 90 90 90; N N N N N",
            // one session after warm-up: WATCH at 1 x 5.774 = 5.77 points, RUPTURE at once at 2 x 5.774 = 11.55
            "single fall just over 2 SD; 90 90 90 78.4; N N N R",
            "single fall just under 2 SD; 90 90 90 78.5; N N N W",
            "fall just over 1 SD; 90 90 90 84.2; N N N W",
            "fall just under 1 SD; 90 90 90 84.3; N N N N",
            // a watch confirmed: the next session a signal too and the mean of both >= 2 x 4.564 = 9.13 down
            "confirmed at the next session; 90 90 90 82 77; N N N W R",
            "mean of the two just over 2 SD (9.15 down); 90 90 90 82 79.7; N N N W R",
            "mean of the two just short (9.1 down, 1.99 SD), then a new watch; 90 90 90 82 79.8; N N N W W",
            "the second session not a signal; 90 90 90 80 88; N N N W N",
            "an unscored session between does not break it; 90 90 90 80 x 77; N N N W N R",
            "own SD 10 beats network SD 5; 80 100 90 60; N N N R",
            "own SD 10, 2.0 SD (23.1 down); 80 100 90 66.9; N N N R",
            "own SD 10, 1.99 SD (23 down); 80 100 90 67; N N N W",
            // a rise is never a rupture
            "rise; 80 80 80 100; N N N N",
            // warm-up: a fall >= 2.5 points to below 90 is a first signal; at once a rupture only at
            // 2 x 5 x sqrt(2) = 14.14 points (baseline of one session); confirmed at 2 x 5 x sqrt(1.5) = 12.25
            "early fall of exactly 1 SRS point; 92 89.5; N W",
            "early fall just under 1 point; 92 89.6; N N",
            "early fall that stays above the cut-off; 97 90; N N",
            "early fall within the low zone; 80 75; N W",
            "early fall of 16 points; 92 76; N R",
            "early fall of 14.2 points; 92 77.8; N R",
            "early fall of 14.1 points; 92 77.9; N W",
            "early fall confirmed; 92 78 78; N W R",
            "early fall confirmed, 12.3 points; 92 79.7 79.7; N W R",
            "early fall not confirmed, 12.2 points; 92 79.8 79.8; N W W",
            // repair: back to at least the pre-rupture mean (90) within 6 scored sessions
            "repaired at the mean; 90 90 90 75 89.9 90; N N N R R P",
            "repaired at the 6th scored after onset; 90 90 90 75 85 85 85 85 85 90; N N N R R R R R R P",
            "unresolved after 6; 90 90 90 75 85 85 85 85 85 85 85 95; N N N R R R R R R U U P",
            "a confirmed rupture counts its window from its first session; 90 90 90 80 77 85 85 85 85 85 85;"
                    + " N N N W R R R R R U U",
            // sessions without a score carry the open rupture; they do not count towards the window
            "no-show inside a rupture; 90 90 90 75 x - 90; N N N R R R P",
            "no-shows in warm-up; 90 x 90 x 90 75; N N N N N R",
            // the rupture did not pull the baseline down: a second fall to 75 is again a rupture
            "second rupture after repair; 90 90 90 75 90 75; N N N R P R",
            "early rupture repaired to the mean of the sessions before; 94 74 94; N R P",
    })
    void tracksRuptureStates(String name, String course, String expected) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 5, DEFAULTS);

        assertEquals(expected, statuses.stream().map(s -> code(s.state())).collect(Collectors.joining(" ")));
    }

    /** With a network SD of 1, a fall of many SDs still needs ruptureMinDropIndex (5) points to be a rupture. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "4.9 points; 90 90 90 85.1; N N N W",
            "5 points; 90 90 90 85; N N N R",
            "confirmed pair 4.9 points down; 90 90 90 85.1 85.1; N N N W W",
            "at once, then stays down; 90 90 90 85 85.1; N N N R R",
    })
    void needsAnAbsoluteFloorWhenTheNetworkIsSteady(String name, String course, String expected) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 1, DEFAULTS);

        assertEquals(expected, statuses.stream().map(s -> code(s.state())).collect(Collectors.joining(" ")));
    }

    /**
     * One pillar alone opens a rupture at once when the index is a first signal (>= 1 x 5.774 down) and the pillar
     * fell >= kPillarRupture (2.5) of its own prediction SDs: max(its SD in the dyad, its network SD 8) x 1.1547 =
     * 9.238 for n = 3, so 23.09 points.
     */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "bond 23.1 down, index 8 down; 90 90 90 82:66.9:90:90; N N N R",
            "bond 23 down, 2.49 pillar SDs; 90 90 90 82:67:90:90; N N N W",
            "tasks far down; 90 90 90 82:90:90:40; N N N R",
            "a pillar far down but the index no signal (5.7 down); 90 90 90 84.3:50:90:90; N N N N",
            "not during the warm-up; 92 80:50:92:92; N W",
            "the dyad's own bond SD (20) is larger: 2.5 x 20 x 1.1547 = 57.7; 90:60:90:90 90:100:90:90 90:80:90:90"
                    + " 82:23:90:90; N N N W",
            "the same, 58 down; 90:60:90:90 90:100:90:90 90:80:90:90 82:22:90:90; N N N R",
    })
    void onePillarFallingFarOpensARupture(String name, String course, String expected) {
        NetworkSd.Spread spread = new NetworkSd.Spread(5, 8, 8, 8);

        assertEquals(expected, codes(Ruptures.track(Courses.weekly(course), spread, DEFAULTS)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no pillar SDs known (the prior in use); 90 90 90 82:40:90:90; N N N W; 5; NaN; 2.5",
            "switched off; 90 90 90 82:40:90:90; N N N W; 5; 8; 0",
            "on; 90 90 90 82:40:90:90; N N N R; 5; 8; 2.5",
            // a pillar SD below the index's is floored at it: 2.5 x 5 x 1.1547 = 14.43 points
            "a pillar that never varied (SD 0), 14.5 down; 90 90 90 82:75.5:90:90; N N N R; 5; 0; 2.5",
            "a pillar SD of 0.3, 14.4 down; 90 90 90 82:75.6:90:90; N N N W; 5; 0.3; 2.5",
    })
    void noPillarOpensARuptureWithoutItsOwnSdOrWhenSwitchedOff(String name, String course, String expected,
            double indexSd, double pillarSd, double kPillar) {
        ClinicalThresholds d = DEFAULTS;
        ClinicalThresholds t = new ClinicalThresholds(d.lowSrsTotal(), d.warmUpScoredSessions(), d.kWatch(),
                d.kRupture(), d.earlyDropIndex(), d.repairWindowScoredSessions(), d.fitIndex(),
                d.fitRunScoredSessions(), d.fitFromSession(), d.networkSdPrior(), d.networkSdMinDyads(),
                d.orsReliableChange(), d.orsCutoff(), d.orsImprovementBySession(), d.riskRaise(), d.riskClear(),
                d.cooldownDays(), d.risk(), d.ruptureMinDropIndex(), d.fitWindowScoredSessions(), kPillar);

        assertEquals(expected, codes(Ruptures.track(Courses.weekly(course),
                new NetworkSd.Spread(indexSd, pillarSd, pillarSd, pillarSd), t)));
    }

    private static String codes(List<RuptureStatus> statuses) {
        return statuses.stream().map(s -> code(s.state())).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "bond alone fell; 90 90 90 75:45:90:90; BOND",
            "goals and tasks fell, goals more; 90 90 90 75:90:70:80; GOALS TASKS",
            "all fell a little, tasks most; 90 90 90 75:86:87:85; TASKS",
            "the bond far, the goals a little: the bond alone; 90 90 90 72:50:84:90; BOND",
            "early rupture in goals; 92:92:92:92 74:92:60:92; GOALS",
            "confirmed: the mean of both sessions; 90 90 90 80:60:90:90 77:70:90:90; BOND",
    })
    void namesThePillarsThatFell(String name, String course, String pillars) {
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly(course), 5, DEFAULTS);
        RuptureStatus onset = statuses.get(statuses.size() - 1);

        assertEquals(true, onset.onset());
        assertEquals(pillars, onset.pillars().stream().map(Enum::name).collect(Collectors.joining(" ")));
    }

    /**
     * With pillar SDs known, each pillar's fall is read in its own network SD (floored at the index's 5): bond fell
     * 30 points, 1.5 of its SD 20; goals 10, 2 of its SD 5. Without them both are read in the index's SD.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', value = {
            "a noisy bond network; 20; GOALS BOND",
            // goals 2 SDs down beside the bond's 6: less than half the largest fall, not named
            "no pillar SDs; NaN; BOND",
    })
    void namesThePillarsByTheirFallInTheirOwnNetworkSd(String name, double bondSd, String pillars) {
        NetworkSd.Spread spread = new NetworkSd.Spread(5, bondSd, Double.isNaN(bondSd) ? Double.NaN : 5,
                Double.isNaN(bondSd) ? Double.NaN : 5);
        List<RuptureStatus> statuses = Ruptures.track(Courses.weekly("90 90 90 75:60:80:90"), spread, DEFAULTS);

        assertEquals("N N N R", codes(statuses));
        assertEquals(pillars, statuses.get(3).pillars().stream().map(Enum::name).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest(name = "{0} -> pre-rupture mean {1}, onset {2}")
    @CsvSource(delimiter = ';', value = {
            "90 92 94 80 x 81; 92; 4; 1",
            "94 76 76; 94; 2; 1",
            "90 90 90 75; 90; 4; 0",
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
