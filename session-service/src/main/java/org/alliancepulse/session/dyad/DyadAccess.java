package org.alliancepulse.session.dyad;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * Who may see and act for a client's sessions. The clinic's staff: all of them. A therapist: while the client is
 * assigned to them (as intake has it: from the assignment until a change of therapist or the episode's end), they
 * read the client's whole course - an earlier therapist's sessions too, for continuity of care - and record in their
 * own sessions; after that, nothing (ARCHITECTURE.md: a therapist sees only the clients assigned to them; an outside
 * probe found a former therapist still reading what intake already refused them). Admins may read, not enter
 * clinical data. Anyone else gets a 404, the same answer as for an id that does not exist: another clinic cannot
 * even learn that it does.
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
        if (!(staffOf(dyad.clinicId) || caller.isTherapist() && isCallingTherapist(dyad.therapistId))) {
            throw outOfScope();
        }
        return dyad;
    }

    /**
     * @throws ProblemException 403 when the caller reads the session but another therapist held it (the client's
     *         current therapist, on their predecessor's session: it says why, outside probe); 404 when the caller may
     *         not even read it
     */
    public void requireActFor(UUID clientId, String clinicId, UUID therapistId) {
        if (!mayAct(clientId, clinicId, therapistId)) {
            if (mayRead(clientId, clinicId)) {
                throw ProblemException.forbidden("another therapist held this session: you may read it, not change "
                        + "it; the clinic's staff may correct it");
            }
            throw outOfScope();
        }
    }

    /** @throws ProblemException 404 unless the caller may read this client's sessions */
    public void requireRead(UUID clientId, String clinicId) {
        if (!mayRead(clientId, clinicId)) {
            throw outOfScope();
        }
    }

    /** Admins and the clinic's staff read every session of the client; their therapist while assigned. */
    public boolean mayRead(UUID clientId, String clinicId) {
        return caller.isAdmin() || staffOf(clinicId) || assignedToCaller(clientId);
    }

    /** The clinic's staff; the therapist who held the session while the client is still assigned to them. */
    public boolean mayAct(UUID clientId, String clinicId, UUID therapistId) {
        return staffOf(clinicId) || isCallingTherapist(therapistId) && assignedToCaller(clientId);
    }

    private boolean staffOf(String clinicId) {
        return caller.isClinicStaff() && caller.worksAt(clinicId);
    }

    /** Whether the client is assigned to the calling therapist now: their current therapist, the episode open. */
    private boolean assignedToCaller(UUID clientId) {
        if (!caller.isTherapist()) {
            return false;
        }
        Dyad dyad = Dyad.findById(clientId);
        return dyad != null && !dyad.episodeClosed() && isCallingTherapist(dyad.therapistId);
    }

    private boolean isCallingTherapist(UUID therapistId) {
        return caller.isTherapist() && therapistId != null && callingTherapist().filter(therapistId::equals).isPresent();
    }

    /** The caller's therapist id, looked up once per request (a session's check asks it twice). */
    private java.util.Optional<UUID> callingTherapist() {
        if (callingTherapist == null) {
            callingTherapist = TherapistLogin.therapistIdOf(caller.username());
        }
        return callingTherapist;
    }

    private java.util.Optional<UUID> callingTherapist;

    /** Answered as an unknown id would be, and logged as a refused access: the record exists, not for this caller. */
    private static ProblemException outOfScope() {
        return ProblemException.outOfScope("no such session or client for you");
    }
}
