package org.alliancepulse.session.dyad;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * Who may act for a dyad: staff of the client's clinic, and the therapist the client is assigned to. Nobody else,
 * not even another therapist of the same clinic.
 */
@RequestScoped
public class DyadAccess {

    @Inject
    Caller caller;

    /** @throws ProblemException 404 for an unknown client, 403 for a caller who may not act for it */
    public Dyad requireActFor(UUID clientId) {
        Dyad dyad = Dyad.findById(clientId);
        if (dyad == null) {
            throw ProblemException.notFound(
                    "no assigned client with this id (an assignment made moments ago may still be on its way)");
        }
        requireActFor(dyad.clinicId, dyad.therapistId);
        return dyad;
    }

    public void requireActFor(String clinicId, UUID therapistId) {
        if (caller.isClinicStaff() && caller.worksAt(clinicId)) {
            return;
        }
        if (caller.isTherapist() && TherapistLogin.therapistIdOf(caller.username())
                .filter(therapistId::equals).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("only the client's clinic staff and assigned therapist may do this");
    }
}
