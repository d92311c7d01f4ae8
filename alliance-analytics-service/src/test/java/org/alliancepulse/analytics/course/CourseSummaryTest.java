package org.alliancepulse.analytics.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourseSummaryTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /**
     * A course written as one token per session, a week apart: a number is an attended session with that SRS total
     * (index x 2.5), {@code a} attended without a score, {@code N} a no-show, {@code L} a late cancellation by the
     * client, {@code C} one in time, {@code K} by the clinic, {@code -} not recorded yet.
     */
    static DyadCourse course(String tokens) {
        List<SessionObservation> sessions = new ArrayList<>();
        String[] each = tokens.trim().split(" +");
        for (int i = 0; i < each.length; i++) {
            UUID id = UUID.randomUUID();
            Instant at = START.plus(Duration.ofDays(7L * i));
            int number = i + 1;
            sessions.add(switch (each[i]) {
                case "a" -> SessionObservation.attended(id, number, at, null, null, false);
                case "N" -> SessionObservation.missed(id, number, at, Attendance.NO_SHOW, false);
                case "L" -> SessionObservation.missed(id, number, at, Attendance.CANCELLED_BY_CLIENT, true);
                case "C" -> SessionObservation.missed(id, number, at, Attendance.CANCELLED_BY_CLIENT, false);
                case "K" -> SessionObservation.missed(id, number, at, Attendance.CANCELLED_BY_CLINIC, false);
                case "-" -> SessionObservation.missed(id, number, at, Attendance.NOT_RECORDED, false);
                default -> {
                    double item = Double.parseDouble(each[i]) / 4;
                    yield SessionObservation.attended(id, number, at, AllianceMeasure.srs(item, item, item, item),
                            null, true);
                }
            });
        }
        return new DyadCourse(sessions);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            // course; scored; running mean; within-dyad SD; rolling mean of the last 4
            "-; 0; null; null; null",
            "a N; 0; null; null; null",
            "36; 1; 90; null; 90",
            "36 32; 2; 85; 7.0711; 85",
            "40 40 40 32; 4; 95; 10; 95",
            // the fifth score pushes the first out of the rolling mean, not out of the running mean
            "40 40 40 32 32; 5; 92; 10.9545; 90",
            // unscored sessions are skipped, not counted as zeros
            "40 a N 40 L 40 C 32 K 32 -; 5; 92; 10.9545; 90",
    })
    void sumsUpTheAllianceSeries(String tokens, int scored, Double running, Double sd, Double rolling) {
        CourseSummary summary = CourseSummary.of(course(tokens));

        assertEquals(scored, summary.scoredSessions());
        assertClose(running, summary.runningMean());
        assertClose(sd, summary.withinDyadSd());
        assertClose(rolling, summary.rollingMean());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            // course; recorded; attended; no-shows; late; other cancellations; usual interval; days since attended
            "-; 0; 0; 0; 0; 0; null; null",
            "N; 1; 0; 1; 0; 0; null; null",
            // one attended session: a week assumed; away 0 days at it
            "36; 1; 1; 0; 0; 0; 7; 0",
            // away counted to the latest recorded session, not to one still ahead
            "36 N L -; 3; 1; 1; 1; 0; 7; 14",
            "36 C K 36; 4; 2; 0; 0; 2; 21; 0",
            // gaps 7, 7, 21: the median 7, one long gap does not become the usual
            "36 36 36 N C 36 N; 7; 4; 2; 0; 1; 7; 7",
            // gaps 7 and 21: the median of two is their mean
            "36 36 N C 36; 5; 3; 1; 0; 1; 14; 0",
    })
    void sumsUpAttendance(String tokens, int recorded, int attended, int noShows, int late, int other, Double usual,
            Double away) {
        CourseSummary summary = CourseSummary.of(course(tokens));

        assertEquals(recorded, summary.recordedSessions());
        assertEquals(attended, summary.attended());
        assertEquals(noShows, summary.noShows());
        assertEquals(late, summary.lateCancellations());
        assertEquals(other, summary.otherCancellations());
        assertClose(usual, summary.usualIntervalDays());
        assertClose(away, summary.daysSinceLastAttended());
    }

    @Test
    void keepsTheOrsTrajectorysEnds() {
        Instant at = START;
        DyadCourse course = new DyadCourse(List.of(
                SessionObservation.attended(UUID.randomUUID(), 1, at, null, 18.5, false),
                SessionObservation.attended(UUID.randomUUID(), 2, at.plus(Duration.ofDays(7)), null, null, false),
                SessionObservation.missed(UUID.randomUUID(), 3, at.plus(Duration.ofDays(14)), Attendance.NO_SHOW,
                        false),
                SessionObservation.attended(UUID.randomUUID(), 4, at.plus(Duration.ofDays(21)), null, 24.0, false)));

        CourseSummary summary = CourseSummary.of(course);

        assertEquals(18.5, summary.orsFirst());
        assertEquals(24.0, summary.orsLatest());
        assertNull(CourseSummary.of(course("36 36")).orsFirst());
    }

    @Test
    void givesTheRollingMeanAfterEachScoredSession() {
        assertEquals(Arrays.asList(90.0, null, 85.0, null, 90.0, 90.0, 87.5),
                CourseSummary.rollingMeans(course("36 N 32 a 40 36 32")));
    }

    private static void assertClose(Double expected, Double actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertEquals(expected, actual, 1e-3);
        }
    }
}
