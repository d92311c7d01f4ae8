package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client was assigned to a therapist: the start of a dyad and of an episode of care. Carries the client code and
 * clinic so consumers need not have seen {@link ClientRegistered} first (cross-topic and cross-key order is not
 * guaranteed).
 *
 * @param episodeId the episode of care this assignment opens; optional, absent in events published before episodes
 *                  existed (a consumer must accept {@code null})
 */
public record ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt,
        UUID episodeId) implements EventPayload {

    public ClientAssigned {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(therapistId, "therapistId");
        present(assignedAt, "assignedAt");
    }

    /** An assignment outside any episode, as published before episodes existed. */
    public ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt) {
        this(clientId, clientCode, clinicId, therapistId, assignedAt, null);
    }

    /**
     * The episode this assignment opens; for an assignment published before episodes existed, an id derived from
     * the client and the time, the same in every consumer and on every redelivery or rebuild.
     */
    public UUID episodeOrDerived() {
        return episodeId != null ? episodeId
                : UUID.nameUUIDFromBytes(("episode " + clientId + " " + assignedAt).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
