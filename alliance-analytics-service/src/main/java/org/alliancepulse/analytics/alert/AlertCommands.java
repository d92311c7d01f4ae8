package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.access.DyadAccess;
import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.jboss.logging.Logger;

/** What staff and therapists do with an alert. Runs in the caller's transaction. */
@RequestScoped
public class AlertCommands {

    private static final Logger LOG = Logger.getLogger(AlertCommands.class);

    static final int MAX_NOTE = 2000;

    @Inject
    DyadAccess access;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /** @throws ProblemException 404 for an alert the caller may not see */
    public Alert find(UUID id) {
        Alert alert = Alert.findById(id);
        if (alert == null) {
            throw ProblemException.notFound("no such alert for you");
        }
        access.requireRead(alert.clientId, alert.clinicId, "alert");
        return alert;
    }

    /**
     * Marks the alert as seen, with an optional note that stays here; announces {@code AlertAcknowledged} (which
     * cancels a pending escalation to the supervisor).
     *
     * @throws ProblemException 404 for an alert the caller may not see, 409 when it was acknowledged before or has
     *         been resolved, or with a note for an erased client; 400 for a note over {@value #MAX_NOTE} characters
     *         or one holding contact details ({@link AcknowledgementNotes})
     */
    public Alert acknowledge(UUID id, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "may have at most " + MAX_NOTE + " characters");
        }
        if (AcknowledgementNotes.hasInvisibleMarks(note)) {
            throw ProblemException.invalid("note", "must not contain invisible direction marks, zero-width spaces or "
                    + "control characters (line breaks and tabs are fine)");
        }
        AcknowledgementNotes.contactDetailIn(note).ifPresent(found -> {
            throw ProblemException.invalid("note", "holds " + found + ": a client's personal details stay in intake; "
                    + "write the client code and what happened, not how to reach them");
        });
        Alert alert = find(id);
        if (alert.status == Alert.Status.ACKNOWLEDGED) {
            throw ProblemException.conflict("this alert was acknowledged by " + alert.acknowledgedBy + " at "
                    + alert.acknowledgedAt);
        }
        if (alert.resolved()) {
            throw ProblemException.conflict("this alert was resolved (" + alert.resolution + ") and needs no "
                    + "acknowledgement");
        }
        if (note != null && !note.isBlank() && ErasedClient.erased(alert.clientId)) {
            // the client exercised their right to erasure: no new free text is kept about them
            throw ProblemException.conflict("the client was erased: acknowledge without a note (no notes are kept "
                    + "about an erased client)");
        }
        alert.status = Alert.Status.ACKNOWLEDGED;
        alert.acknowledgedBy = caller.username();
        alert.acknowledgedAt = Instant.now();
        alert.acknowledgementNote = note == null || note.isBlank() ? null : note.strip();
        outbox.publish(new AlertAcknowledged(alert.id, alert.kind, alert.clientId, alert.therapistId, alert.clinicId,
                alert.acknowledgedBy, alert.acknowledgedAt, alert.clientCode, alert.dyadId));
        // the audit line: who and when, never the note
        LOG.infof("Alert %s acknowledged by %s%s", alert.id, alert.acknowledgedBy,
                alert.acknowledgementNote != null ? " with a note" : "");
        return alert;
    }
}
