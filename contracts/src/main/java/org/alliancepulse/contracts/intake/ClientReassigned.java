package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * Within one episode of care, the client moved from one therapist to another: the old dyad ends, a new one begins.
 *
 * @param reason why; {@code FIT} (the pairing did not work) is the one the analytics learns from
 */
public record ClientReassigned(UUID clientId, String clientCode, String clinicId, UUID episodeId,
        UUID previousTherapistId, UUID therapistId, Reason reason, Instant reassignedAt) implements EventPayload {

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

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
