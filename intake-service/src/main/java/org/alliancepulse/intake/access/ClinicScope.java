package org.alliancepulse.intake.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.intake.client.Client;
import org.alliancepulse.intake.therapist.Therapist;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;

/**
 * What the caller may see. A record of another clinic is answered exactly like one that does not exist (404), so no
 * one learns that a client, therapist or episode exists elsewhere; the same for a therapist asking about a client who
 * is not theirs. Admins see the whole network. A wrong role is still a 403: it says nothing about any record.
 */
@RequestScoped
public class ClinicScope {

    @Inject
    Caller caller;

    /** A client the caller may act on as staff (or admin, when the endpoint allows admins). */
    public Client clientForStaff(UUID id) {
        Client client = id == null ? null : Client.findById(id);
        if (client == null) {
            throw notFound("client");
        }
        if (!(caller.isAdmin() || caller.worksAt(client.clinicId))) {
            throw outOfScope("client");
        }
        return client;
    }

    /**
     * A client the caller may read: staff of the client's clinic, or the therapist the client is currently
     * assigned to.
     */
    public Client clientForReader(UUID id) {
        Client client = id == null ? null : Client.findById(id);
        if (client != null && caller.isClinicStaff() && caller.worksAt(client.clinicId)) {
            return client;
        }
        if (client != null && caller.isTherapist() && client.therapistId != null
                && client.therapistId.equals(callingTherapistId())) {
            return client;
        }
        throw client == null ? notFound("client") : outOfScope("client");
    }

    /** A therapist the caller may manage: admins anywhere, staff of the therapist's clinic. */
    public Therapist therapistForStaff(UUID id) {
        Therapist therapist = id == null ? null : Therapist.findById(id);
        if (therapist == null) {
            throw notFound("therapist");
        }
        if (!(caller.isAdmin() || caller.worksAt(therapist.clinicId))) {
            throw outOfScope("therapist");
        }
        return therapist;
    }

    /** Staff may act for their own clinic only; admins for any. */
    public void requireClinic(String clinicId) {
        if (!caller.isAdmin()) {
            caller.requireClinic(clinicId);
        }
    }

    /** The therapist record of a caller with the therapist role, matched by login; {@code null} if none. */
    public UUID callingTherapistId() {
        return caller.isTherapist() ? Therapist.byUsername(caller.username()).map(t -> t.id).orElse(null) : null;
    }

    public boolean isTherapistOnly() {
        return caller.isTherapist() && !caller.isClinicStaff() && !caller.isAdmin();
    }

    /** The caller's clinic; empty (matching nothing) for a token without one. */
    public String callersClinic() {
        return caller.clinicId().orElse("");
    }

    public String actor() {
        return caller.username();
    }

    private static ProblemException notFound(String what) {
        return ProblemException.notFound("no " + what + " with this id");
    }

    /** The same answer as {@link #notFound}, logged as a refused access (the record is someone else's). */
    private static ProblemException outOfScope(String what) {
        return ProblemException.outOfScope("no " + what + " with this id");
    }
}
