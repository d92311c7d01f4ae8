package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client was assigned to a therapist: the start of a dyad. Carries the client code and clinic so consumers need not
 * have seen {@link ClientRegistered} first (cross-topic and cross-key order is not guaranteed).
 */
public record ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt)
        implements EventPayload {

    public ClientAssigned {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(therapistId, "therapistId");
        present(assignedAt, "assignedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
