package org.alliancepulse.session.dyad;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * Who may see and act for a dyad's sessions: staff of the client's clinic and the therapist of the session (so a
 * therapist keeps their own past sessions). Admins may read, not enter clinical data. Anyone else gets a 404, the
 * same answer as for an id that does not exist: another clinic cannot even learn that it does.
 */
@RequestScoped
public class DyadAccess {

    @Inject
    Caller caller;

    /**
     * @throws ProblemException 409 for a client whose assignment this service has not heard of (yet), 404 for a
     *         caller who may not act for it
     */
    public Dyad requireActFor(UUID clientId) {
        Dyad dyad = Dyad.findById(clientId);
        if (dyad == null) {
            throw ProblemException.notYetKnown("session-service does not know this client's assignment yet (an "
                    + "assignment made moments ago may still be on its way; try again shortly)");
        }
        if (!mayAct(dyad.clinicId, dyad.therapistId)) {
            throw outOfScope();
        }
        return dyad;
    }

    /** @throws ProblemException 404 unless the caller may change this dyad's sessions */
    public void requireActFor(String clinicId, UUID therapistId) {
        if (!mayAct(clinicId, therapistId)) {
            throw outOfScope();
        }
    }

    /** @throws ProblemException 404 unless the caller may read this dyad's sessions */
    public void requireRead(String clinicId, UUID therapistId) {
        if (!mayRead(clinicId, therapistId)) {
            throw outOfScope();
        }
    }

    /** Admins read every dyad's sessions; the clinic's staff and the session's therapist theirs. */
    public boolean mayRead(String clinicId, UUID therapistId) {
        return caller.isAdmin() || mayAct(clinicId, therapistId);
    }

    public boolean mayAct(String clinicId, UUID therapistId) {
        if (caller.isClinicStaff() && caller.worksAt(clinicId)) {
            return true;
        }
        return caller.isTherapist() && TherapistLogin.therapistIdOf(caller.username())
                .filter(therapistId::equals).isPresent();
    }

    /** Answered as an unknown id would be, and logged as a refused access: the record exists, not for this caller. */
    private static ProblemException outOfScope() {
        return ProblemException.outOfScope("no such session or client for you");
    }
}
