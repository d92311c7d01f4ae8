package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client exercised the right to erasure: intake deleted their name, date of birth, contact and free text and kept
 * only the pseudonymous id and code, so network statistics stay whole. Every consumer drops whatever per-client
 * detail it keeps beyond ids and numbers.
 */
public record ClientErased(UUID clientId, String clientCode, String clinicId, Instant erasedAt)
        implements EventPayload {

    public ClientErased {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(erasedAt, "erasedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
