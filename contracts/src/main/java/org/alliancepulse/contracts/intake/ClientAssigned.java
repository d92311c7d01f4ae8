package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client was assigned to a therapist: the start of a dyad and of an episode of care. Carries the client code and
 * clinic so consumers need not have seen {@link ClientRegistered} first (cross-topic and cross-key order is not
 * guaranteed).
 *
 * @param episodeId the episode of care this assignment opens; optional, absent in events published before episodes
 *                  existed (a consumer must accept {@code null})
 * @param startDate the day care began as staff gave it (a course entered afterwards; {@code assignedAt} is then its
 *                  start, UTC); {@code null} when none was given and care began when the assignment was entered, and
 *                  in events published before 2026-11-29. Sessions before a given day belong to no dyad of this
 *                  assignment.
 */
public record ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt,
        UUID episodeId, LocalDate startDate) implements EventPayload {

    public ClientAssigned {
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(clinicId, "clinicId");
        present(therapistId, "therapistId");
        present(assignedAt, "assignedAt");
    }

    /** An assignment outside any episode, as published before episodes existed. */
    public ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt) {
        this(clientId, clientCode, clinicId, therapistId, assignedAt, null, null);
    }

    /** An assignment without a start day given: care began when it was entered. */
    public ClientAssigned(UUID clientId, String clientCode, String clinicId, UUID therapistId, Instant assignedAt,
            UUID episodeId) {
        this(clientId, clientCode, clinicId, therapistId, assignedAt, episodeId, null);
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
