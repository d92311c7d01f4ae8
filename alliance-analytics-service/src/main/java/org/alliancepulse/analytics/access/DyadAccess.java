package org.alliancepulse.analytics.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * Who may see a dyad's alliance and alerts: admins, the staff of the client's clinic, and the dyad's own therapist.
 * Anyone else gets a 404, the same answer as for an id that does not exist: another clinic or another therapist
 * cannot even learn that it does.
 */
@RequestScoped
public class DyadAccess {

    @Inject
    Caller caller;

    public boolean mayRead(String clinicId, UUID therapistId) {
        if (caller.isAdmin() || (caller.isClinicStaff() && caller.worksAt(clinicId))) {
            return true;
        }
        return caller.isTherapist()
                && TherapistLogin.therapistIdOf(caller.username()).filter(therapistId::equals).isPresent();
    }

    /** @throws ProblemException 404 unless the caller may read it (logged as a refused access) */
    public void requireRead(String clinicId, UUID therapistId, String what) {
        if (!mayRead(clinicId, therapistId)) {
            throw ProblemException.outOfScope("no such " + what + " for you");
        }
    }
}
