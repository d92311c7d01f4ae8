package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;
import static org.alliancepulse.contracts.Require.sessionTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A session of a dyad was put in the calendar (or recorded after the fact: it may lie in the past).
 *
 * @param sessionNumber the session's number in its episode of care (1 is the episode's first); absent in events
 *        published before it was added
 * @param scheduledAt when the session is to start; absent in events published before it was added
 * @param episodeId the episode of care the session belongs to (its numbers count within it); absent in events
 *        published before it was added
 * @param clientCode the client's pseudonymous code, as in the other session events; absent in events published
 *        before it was added
 */
public record SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, String clinicId, LocalDate sessionDate,
        Integer sessionNumber, Instant scheduledAt, UUID episodeId, String clientCode) implements EventPayload {

    public SessionScheduled {
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
    }

    /** The walking skeleton's shape, without session number and time. */
    public SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, String clinicId, LocalDate sessionDate) {
        this(sessionId, clientId, therapistId, clinicId, sessionDate, null, null, null, null);
    }

    /** The shape before episodes of care: numbered per client. */
    public SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, String clinicId, LocalDate sessionDate,
            Integer sessionNumber, Instant scheduledAt) {
        this(sessionId, clientId, therapistId, clinicId, sessionDate, sessionNumber, scheduledAt, null, null);
    }

    /** The shape before the client code: with the episode. */
    public SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, String clinicId, LocalDate sessionDate,
            Integer sessionNumber, Instant scheduledAt, UUID episodeId) {
        this(sessionId, clientId, therapistId, clinicId, sessionDate, sessionNumber, scheduledAt, episodeId, null);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
