package org.alliancepulse.analytics.course;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dyad's course adds up to at its latest recorded session: the alliance series' running mean and within-dyad
 * SD, the rolling mean of the last {@value #ROLLING_WINDOW} scores, attendance, the usual interval between attended
 * sessions and how long the client had been away at the latest recorded session, and the ORS trajectory's ends.
 * Event time throughout (the sessions' scheduled times, never the wall clock), so a replay gives the same figures.
 * <p>
 * These are plain figures of what was observed, for the therapist and the clinic. The rupture rule keeps a baseline
 * of its own ({@code Ruptures}): it leaves out the sessions inside a rupture or a pending watch, and it judges a fall
 * in max(that baseline's SD, the network SD) - so its figures differ from these once a rupture has happened.
 *
 * @param scoredSessions        attended sessions with an alliance measure
 * @param runningMean           mean alliance index of every scored session; null before the first
 * @param withinDyadSd          sample SD (n - 1) of those indices; null before the second
 * @param rollingMean           mean index of the last {@value #ROLLING_WINDOW} scored sessions (fewer at the start)
 * @param recordedSessions      sessions with an attendance recorded (not the ones still ahead)
 * @param attended              attended sessions
 * @param noShows               no-shows
 * @param lateCancellations     cancellations by the client at short notice (they count like a no-show for risk)
 * @param otherCancellations    other cancellations, by the client in time or by the clinic
 * @param usualIntervalDays     the median gap between attended sessions ({@value #DEFAULT_INTERVAL_DAYS} days until
 *                              two are attended); null before the first
 * @param daysSinceLastAttended from the last attended session to the latest recorded one; null before the first
 * @param orsFirst              the first ORS total given; null if none
 * @param orsLatest             the latest ORS total given; null if none
 */
public record CourseSummary(int scoredSessions, Double runningMean, Double withinDyadSd, Double rollingMean,
        int recordedSessions, int attended, int noShows, int lateCancellations, int otherCancellations,
        Double usualIntervalDays, Double daysSinceLastAttended, Double orsFirst, Double orsLatest) {

    /** Issue 8's rolling mean: the last 4 scored sessions, about a month of weekly sessions. */
    public static final int ROLLING_WINDOW = 4;

    /** The usual interval assumed until two sessions are attended: weekly, the commonest rhythm. */
    public static final double DEFAULT_INTERVAL_DAYS = 7;

    public static CourseSummary of(DyadCourse course) {
        ObservedSessions observed = ObservedSessions.of(course.sessions());
        List<SessionObservation> recorded = observed.recorded();
        List<SessionObservation> attended = observed.attended();
        List<Double> indices = observed.indices();
        List<Double> ors = observed.ors();
        int noShows = count(recorded, Attendance.NO_SHOW, false);
        int late = count(recorded, Attendance.CANCELLED_BY_CLIENT, true);
        int cancelled = count(recorded, Attendance.CANCELLED_BY_CLIENT, false) - late
                + count(recorded, Attendance.CANCELLED_BY_CLINIC, false);
        Double sinceLast = attended.isEmpty() ? null
                : days(attended.get(attended.size() - 1).scheduledAt(),
                        recorded.get(recorded.size() - 1).scheduledAt());
        return new CourseSummary(indices.size(), mean(indices), sd(indices),
                mean(indices.subList(Math.max(0, indices.size() - ROLLING_WINDOW), indices.size())),
                recorded.size(), attended.size(), noShows, late, cancelled,
                attended.isEmpty() ? null : usualIntervalDays(attended), sinceLast,
                ors.isEmpty() ? null : ors.get(0), ors.isEmpty() ? null : ors.get(ors.size() - 1));
    }

    /**
     * The rolling mean after each session of the course, in course order: the mean of the last
     * {@value #ROLLING_WINDOW} scores up to and including that session; null at a session without a score of its own.
     */
    public static List<Double> rollingMeans(DyadCourse course) {
        List<Double> means = new ArrayList<>(course.sessions().size());
        List<Double> indices = new ArrayList<>();
        for (SessionObservation session : course.sessions()) {
            if (session.scored()) {
                indices.add(session.alliance().index());
                means.add(mean(indices.subList(Math.max(0, indices.size() - ROLLING_WINDOW), indices.size())));
            } else {
                means.add(null);
            }
        }
        return means;
    }

    /**
     * The usual interval between attended sessions, in days: the median gap ({@value #DEFAULT_INTERVAL_DAYS} until two
     * are attended), at least one day. The median, so one holiday does not make every later gap look usual.
     */
    public static double usualIntervalDays(List<SessionObservation> attended) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < attended.size(); i++) {
            gaps.add(days(attended.get(i - 1).scheduledAt(), attended.get(i).scheduledAt()));
        }
        gaps.sort(null);
        double usual = gaps.isEmpty() ? DEFAULT_INTERVAL_DAYS
                : gaps.size() % 2 == 1 ? gaps.get(gaps.size() / 2)
                        : (gaps.get(gaps.size() / 2 - 1) + gaps.get(gaps.size() / 2)) / 2;
        return Math.max(usual, 1);
    }

    /** Days between two event times, to the minute. */
    public static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / (24.0 * 60);
    }

    private static int count(List<SessionObservation> sessions, Attendance attendance, boolean lateOnly) {
        return (int) sessions.stream()
                .filter(s -> s.attendance() == attendance && (!lateOnly || s.lateCancellation())).count();
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double sd(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
