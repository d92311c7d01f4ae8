package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * Within one episode of care, the client moved from one therapist to another: the old dyad ends, a new one begins.
 *
 * @param reason why; {@code FIT} (the pairing did not work) is the one the analytics learns from
 * @param startDate the day the new therapist took over as staff gave it ({@code reassignedAt} is then its start,
 *                  UTC); {@code null} when none was given (they took over when it was entered) and in events
 *                  published before 2026-11-29
 */
public record ClientReassigned(UUID clientId, String clientCode, String clinicId, UUID episodeId,
        UUID previousTherapistId, UUID therapistId, Reason reason, Instant reassignedAt, LocalDate startDate)
        implements EventPayload {

    /** Why a client changed therapist. */
    public enum Reason {
        /** the client and therapist did not work well together */
        FIT,
        /** the therapist's schedule or leave */
        AVAILABILITY,
        /** the client asked for someone else */
        CLIENT_REQUEST,
        OTHER
    }

    public ClientReassigned {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(episodeId, "episodeId");
        present(previousTherapistId, "previousTherapistId");
        present(therapistId, "therapistId");
        present(reason, "reason");
        present(reassignedAt, "reassignedAt");
    }

    /** A change of therapist without a day given: the new one took over when it was entered. */
    public ClientReassigned(UUID clientId, String clientCode, String clinicId, UUID episodeId,
            UUID previousTherapistId, UUID therapistId, Reason reason, Instant reassignedAt) {
        this(clientId, clientCode, clinicId, episodeId, previousTherapistId, therapistId, reason, reassignedAt, null);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
