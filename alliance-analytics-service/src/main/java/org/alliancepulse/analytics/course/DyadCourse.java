package org.alliancepulse.analytics.course;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dyad's course of sessions, ordered by session number, then scheduled time. Rules are recomputed from the whole
 * course, so events arriving out of order, replays and corrections give the same result as in-order arrival.
 */
public record DyadCourse(List<SessionObservation> sessions) {

    private static final Comparator<SessionObservation> ORDER = Comparator.comparingInt(SessionObservation::number)
            .thenComparing(SessionObservation::scheduledAt).thenComparing(SessionObservation::sessionId);

    public DyadCourse {
        Set<Object> ids = new HashSet<>();
        for (SessionObservation session : sessions) {
            if (!ids.add(session.sessionId())) {
                throw new IllegalArgumentException("session " + session.sessionId() + " observed twice");
            }
        }
        List<SessionObservation> sorted = new ArrayList<>(sessions);
        sorted.sort(ORDER);
        sessions = List.copyOf(sorted);
    }

    public static DyadCourse empty() {
        return new DyadCourse(List.of());
    }

    /** The course with this observation added, or replacing the earlier observation of the same session. */
    public DyadCourse with(SessionObservation observation) {
        List<SessionObservation> next = new ArrayList<>(sessions.size() + 1);
        for (SessionObservation session : sessions) {
            if (!session.sessionId().equals(observation.sessionId())) {
                next.add(session);
            }
        }
        next.add(observation);
        return new DyadCourse(next);
    }
}
