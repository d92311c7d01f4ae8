package org.alliancepulse.session.attendance;

import java.time.Instant;
import java.util.Optional;

/** Whether an outcome may be recorded for a session. Pure: the clock comes in as an argument. */
public final class AttendanceRules {

    private AttendanceRules() {
    }

    /** What to do with a request: record a first outcome, record a correction, or refuse (status and why). */
    public sealed interface Decision {
    }

    public record First() implements Decision {
    }

    public record Correction(Outcome previous) implements Decision {
    }

    /** The outcome recorded already, asked for again (a retry, or attendance entered after the answers): nothing to do. */
    public record Unchanged() implements Decision {
    }

    public record Refused(int status, String field, String reason) implements Decision {
    }

    /**
     * @param current the outcome recorded so far, empty while the session is only scheduled
     * @param currentLate whether the recorded client cancellation was late (null for other outcomes)
     * @param late for a client's cancellation: whether it was late (required there, refused elsewhere)
     * @param correction whether the caller means to replace a recorded outcome
     * @param feedbackGiven whether the client's answers were recorded for the session (so it took place)
     */
    public static Decision decide(Optional<Outcome> current, Boolean currentLate, Outcome requested, Boolean late, boolean correction,
            Instant scheduledAt, Instant now, boolean feedbackGiven) {
        if (requested == Outcome.CANCELLED_BY_CLIENT && late == null) {
            return new Refused(400, "late", "is required for CANCELLED_BY_CLIENT (true or false)");
        }
        if (requested != Outcome.CANCELLED_BY_CLIENT && late != null) {
            return new Refused(400, "late", "applies only to CANCELLED_BY_CLIENT");
        }
        if ((requested == Outcome.ATTENDED || requested == Outcome.NO_SHOW) && scheduledAt.isAfter(now)) {
            return new Refused(422, "outcome", requested + " can be recorded only once the session has begun");
        }
        if (feedbackGiven && requested != Outcome.ATTENDED) {
            // a session the client rated was held: a no-show or cancellation beside its answers would give the
            // analytics a missed session with an alliance score, and the metrics more scores than attended sessions
            return new Refused(409, "outcome", "the client's feedback was recorded for this session, so it took "
                    + "place; it cannot be " + requested);
        }
        if (current.isEmpty()) {
            return correction ? new Refused(409, "correction", "this session has no outcome to correct yet")
                    : new First();
        }
        if (!correction && current.get() == requested && java.util.Objects.equals(currentLate, late)) {
            return new Unchanged();
        }
        if (!correction) {
            return new Refused(409, "outcome", "this session's outcome was already recorded as " + current.get()
                    + "; send \"correction\": true to replace it");
        }
        if (current.get() == requested && java.util.Objects.equals(currentLate, late)) {
            return new Refused(409, "outcome", "this session's outcome is already " + requested);
        }
        return new Correction(current.get());
    }
}
