package org.alliancepulse.session.attendance;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionOutcomeCorrected;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.session.session.Session;

/** Records a session's one outcome, or corrects it, and publishes what happened. */
@RequestScoped
public class AttendanceCommands {

    @Inject
    Outbox outbox;

    /**
     * The client's answers for a session that has no outcome yet: they mean it took place, so it is recorded and
     * announced as attended (a no-show is refused for it already). Without this, session-service said SCHEDULED, no
     * {@code SessionAttended} was published and analytics counted it attended all the same (outside probe: 143 of
     * 210 sessions with answers had no outcome event). Call with the session locked, before the answers' event.
     */
    public void attendedByItsAnswers(Session session) {
        if (session.status == Session.Status.SCHEDULED) {
            record(session, Outcome.ATTENDED, null, false);
        }
    }

    public Session record(Session session, Outcome outcome, Boolean late, boolean correction) {
        session.lockForOutcomeOrAnswers(); // before the answers are counted: answers on their way wait or are seen
        Instant now = Instant.now();
        AttendanceRules.Decision decision = AttendanceRules.decide(session.status.outcome(), session.cancelledLate,
                outcome, late, correction, session.scheduledAt, now,
                Feedback.count("sessionId", session.id) > 0);
        if (decision instanceof AttendanceRules.Refused refused) {
            throw new ProblemException(new Problem("about:blank", refused.status() == 400 ? "Invalid request"
                    : refused.status() == 409 ? "Conflict" : "Cannot be processed", refused.status(),
                    refused.field() + ": " + refused.reason(),
                    List.of(new Problem.Violation(refused.field(), refused.reason()))));
        }
        if (decision instanceof AttendanceRules.Unchanged) {
            return session; // recorded and announced before
        }
        session.status = Session.Status.of(outcome);
        session.cancelledLate = late;
        session.outcomeRecordedAt = now;
        String code = Dyad.<Dyad>findById(session.clientId).clientCode;
        if (decision instanceof AttendanceRules.Correction corrected) {
            outbox.publish(new SessionOutcomeCorrected(session.id, session.clientId, code, session.therapistId,
                    session.clinicId, session.sessionNumber, session.scheduledAt, session.sessionDate,
                    corrected.previous().name(), outcome.name(), Boolean.TRUE.equals(late), now));
            return session;
        }
        switch (outcome) {
            case ATTENDED -> outbox.publish(new SessionAttended(session.id, session.clientId, code,
                    session.therapistId, session.clinicId, session.sessionNumber, session.scheduledAt,
                    session.sessionDate, now));
            case NO_SHOW -> outbox.publish(new SessionNoShow(session.id, session.clientId, code, session.therapistId,
                    session.clinicId, session.sessionNumber, session.scheduledAt, session.sessionDate, now));
            case CANCELLED_BY_CLIENT, CANCELLED_BY_CLINIC -> outbox.publish(new SessionCancelled(session.id,
                    session.clientId, code, session.therapistId, session.clinicId, session.sessionNumber,
                    session.scheduledAt, session.sessionDate,
                    outcome == Outcome.CANCELLED_BY_CLIENT ? "CLIENT" : "CLINIC", Boolean.TRUE.equals(late), now));
        }
        return session;
    }
}
