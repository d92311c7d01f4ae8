package org.alliancepulse.analytics.course;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the clinic knows about one scheduled session of a dyad. Built from session events and feedback alike, so
 * attendance, feedback and a replay all feed the same rules; a correction is simply a newer observation of the same
 * session.
 *
 * @param scheduledAt      when the session was scheduled: event time, never the wall clock
 * @param lateCancellation for {@link Attendance#CANCELLED_BY_CLIENT}: cancelled late (counts like a no-show)
 * @param alliance         the alliance measure given at the session; null when none was given
 * @param orsTotal         the ORS total 0-40; null when none was given
 * @param feedbackGiven    at an attended session: the client's ratings were collected and discussed
 */
public record SessionObservation(UUID sessionId, int number, Instant scheduledAt, Attendance attendance,
        boolean lateCancellation, AllianceMeasure alliance, Double orsTotal, boolean feedbackGiven) {

    public SessionObservation {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(attendance, "attendance");
        if (number < 1) {
            throw new IllegalArgumentException("session number starts at 1, was " + number);
        }
        if (orsTotal != null && (orsTotal < 0 || orsTotal > 40)) {
            throw new IllegalArgumentException("ORS total must be between 0 and 40, was " + orsTotal);
        }
    }

    /** An attended session; alliance and ORS may be null when not given. */
    public static SessionObservation attended(UUID sessionId, int number, Instant scheduledAt,
            AllianceMeasure alliance, Double orsTotal, boolean feedbackGiven) {
        return new SessionObservation(sessionId, number, scheduledAt, Attendance.ATTENDED, false, alliance, orsTotal,
                feedbackGiven);
    }

    /** A session the client did not attend (no-show, cancellation) or that is not recorded yet. */
    public static SessionObservation missed(UUID sessionId, int number, Instant scheduledAt, Attendance attendance,
            boolean lateCancellation) {
        if (attendance == Attendance.ATTENDED) {
            throw new IllegalArgumentException("use attended(...) for an attended session");
        }
        return new SessionObservation(sessionId, number, scheduledAt, attendance, lateCancellation, null, null,
                false);
    }

    /** The session as alerts name it. */
    public SessionRef ref() {
        return new SessionRef(sessionId, number, scheduledAt);
    }

    /** A session that counts for the alliance series: attended, with an alliance measure. */
    public boolean scored() {
        return attendance == Attendance.ATTENDED && alliance != null;
    }

    /** A no-show or a late cancellation by the client: the attendance signal of dropout risk. */
    public boolean missedByClient() {
        return attendance == Attendance.NO_SHOW
                || (attendance == Attendance.CANCELLED_BY_CLIENT && lateCancellation);
    }
}
