package org.alliancepulse.analytics.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * Who may see a client's alliance and alerts: admins, the staff of the client's clinic, and the therapist the client
 * is assigned to now - the client's whole course, earlier therapists' dyads too, for continuity of care. A former
 * therapist (after a change of therapist or the episode's end) sees no more, as intake answers them (ARCHITECTURE.md:
 * a therapist sees only the clients assigned to them; an outside probe found a former therapist still reading the
 * series). Anyone else gets a 404, the same answer as for an id that does not exist: another clinic or another
 * therapist cannot even learn that it does.
 */
@RequestScoped
public class DyadAccess {

    @Inject
    Caller caller;

    public boolean mayRead(UUID clientId, String clinicId) {
        if (caller.isAdmin() || (caller.isClinicStaff() && caller.worksAt(clinicId))) {
            return true;
        }
        return caller.isTherapist() && TherapistLogin.therapistIdOf(caller.username())
                .filter(therapist -> assignedTo(clientId, therapist)).isPresent();
    }

    /** @throws ProblemException 404 unless the caller may read it (logged as a refused access) */
    public void requireRead(UUID clientId, String clinicId, String what) {
        if (!mayRead(clientId, clinicId)) {
            throw ProblemException.outOfScope("no such " + what + " for you");
        }
    }

    /** The client's dyad with this therapist has not ended: the client is assigned to them now. */
    public static boolean assignedTo(UUID clientId, UUID therapistId) {
        return Dyad.count("clientId = ?1 and therapistId = ?2 and endedAt is null", clientId, therapistId) > 0;
    }
}
