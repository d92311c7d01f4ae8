package org.alliancepulse.analytics.dyad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancepulse.analytics.course.AllianceMeasure;
import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.rules.EpisodeEnding;
import org.alliancepulse.analytics.rules.Resolution;

/**
 * Reads a dyad's course from the stored state: one observation per session, in the clinic's terms the rules take
 * (attendance, the alliance measure with its pillars, the ORS total, whether feedback was given). The same rows give
 * the same course whatever order the events arrived in.
 */
@ApplicationScoped
public class DyadCourses {

    private static final Comparator<SessionRecord> BY_TIME = Comparator
            .comparing((SessionRecord s) -> s.scheduledAt)
            .thenComparing(s -> s.sessionNumber == null ? Integer.MAX_VALUE : s.sessionNumber)
            .thenComparing(s -> s.sessionId);

    /** The dyad a session belongs to; empty while intake's events about it have not arrived. */
    public Optional<Dyad> dyadOf(SessionRecord session) {
        if (session.episodeId != null) {
            return Optional.ofNullable(Dyad.findById(Dyad.idOf(session.clientId, session.episodeId,
                    session.therapistId)));
        }
        return legacyDyadOf(session, Dyad.ofPair(session.clientId, session.therapistId));
    }

    /**
     * The course from rows already read (a what-if replay reads every dyad's rows at once).
     *
     * @param pair every dyad of this client with this therapist
     * @param sessionsOfPair every session of this client with this therapist
     * @param measures the measures of those sessions (others are ignored)
     */
    public static Course courseOf(Dyad dyad, List<Dyad> pair, List<SessionRecord> sessionsOfPair,
            List<FeedbackMeasure> measures) {
        List<SessionRecord> sessions = new ArrayList<>();
        for (SessionRecord session : sessionsOfPair) {
            boolean ours = session.episodeId != null ? session.episodeId.equals(dyad.episodeId)
                    : legacyDyadOf(session, pair).map(d -> d.id.equals(dyad.id)).orElse(false);
            if (ours) {
                sessions.add(session);
            }
        }
        sessions.sort(BY_TIME);
        Map<UUID, List<FeedbackMeasure>> bySession = new HashMap<>();
        measures.forEach(m -> bySession.computeIfAbsent(m.sessionId, k -> new ArrayList<>()).add(m));

        List<SessionObservation> observations = new ArrayList<>();
        int ordinal = 0;
        for (SessionRecord session : sessions) {
            ordinal++;
            // sessions announced before numbers existed take their place in time
            int number = session.sessionNumber != null ? session.sessionNumber : ordinal;
            observations.add(observe(session, number, bySession.getOrDefault(session.sessionId, List.of())));
        }
        return new Course(new DyadCourse(observations), sessions);
    }

    /** The course, and the session rows behind it (for what the rules do not carry: date, ids). */
    public record Course(DyadCourse course, List<SessionRecord> sessions) {

        /**
         * How the dyad's care ended, for the alert lifecycle; empty while it goes on. A reassignment ends at its
         * moment. A discharge ends with its end date: at the end of that day in UTC ({@link DyadRecorder}), or later
         * at the latest session dated on or before it where it was held (an evening session in New York on the end
         * date is the next day in UTC, and still counts).
         */
        public Optional<EpisodeEnding> ending(Dyad dyad) {
            if (!dyad.ended()) {
                return Optional.empty();
            }
            if (dyad.endReason == Dyad.EndReason.REASSIGNED) {
                return Optional.of(new EpisodeEnding(dyad.endedAt, Resolution.REASSIGNED));
            }
            LocalDate endDate = LocalDate.ofInstant(dyad.endedAt, ZoneOffset.UTC);
            Instant at = dyad.endedAt;
            for (SessionRecord session : sessions) {
                if (session.sessionDate != null && !session.sessionDate.isAfter(endDate)
                        && session.scheduledAt != null && session.scheduledAt.isAfter(at)) {
                    at = session.scheduledAt;
                }
            }
            return Optional.of(new EpisodeEnding(at, Resolution.EPISODE_CLOSED));
        }
    }

    static SessionObservation observe(SessionRecord session, int number, List<FeedbackMeasure> measures) {
        Attendance attendance = session.attendance != null ? Attendance.valueOf(session.attendance)
                // answers without a recorded attendance: the client was there to give them
                : measures.isEmpty() ? Attendance.NOT_RECORDED : Attendance.ATTENDED;
        if (attendance != Attendance.ATTENDED) {
            return new SessionObservation(session.sessionId, number, session.scheduledAt, attendance,
                    Boolean.TRUE.equals(session.cancelledLate), null, null, false);
        }
        AllianceMeasure alliance = measures.stream().filter(m -> m.allianceIndex != null)
                // the SRS is the session-by-session measure; another alliance instrument stands in where it is missing
                .min(Comparator.comparing((FeedbackMeasure m) -> !"SRS".equals(m.instrument))
                        .thenComparing(m -> m.submittedAt))
                .map(DyadCourses::alliance).orElse(null);
        Double ors = measures.stream().filter(m -> "ORS".equals(m.instrument)).findFirst()
                .map(m -> m.total.doubleValue()).orElse(null);
        return SessionObservation.attended(session.sessionId, number, session.scheduledAt, alliance, ors,
                !measures.isEmpty());
    }

    private static AllianceMeasure alliance(FeedbackMeasure measure) {
        double index = onScale(measure.allianceIndex);
        // an instrument without one of the pillars as a subscale: that pillar follows the whole index
        return new AllianceMeasure(index, pillar(measure.bondIndex, index), pillar(measure.goalsIndex, index),
                pillar(measure.tasksIndex, index), "SRS".equals(measure.instrument) ? measure.total.doubleValue() : null);
    }

    private static double pillar(BigDecimal value, double index) {
        return value == null ? index : onScale(value);
    }

    private static double onScale(BigDecimal value) {
        return Math.max(0, Math.min(100, value.doubleValue()));
    }

    /**
     * A session announced before episodes existed: it belongs to the latest dyad of its client and therapist that
     * had begun by its time, or (a history imported before the assignment) to their first dyad.
     */
    private static Optional<Dyad> legacyDyadOf(SessionRecord session, List<Dyad> pair) {
        Dyad chosen = null;
        for (Dyad dyad : pair) {
            if (!dyad.startedAt.isAfter(session.scheduledAt)) {
                chosen = dyad;
            }
        }
        return Optional.ofNullable(chosen != null ? chosen : pair.isEmpty() ? null : pair.get(0));
    }
}
