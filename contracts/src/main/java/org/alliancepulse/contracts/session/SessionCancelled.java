package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;
import static org.alliancepulse.contracts.Require.sessionTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * The session was cancelled, by the client (late or in time) or by the clinic.
 *
 * @param sessionNumber the session's number in the client's course of sessions (1, 2, ...)
 * @param scheduledAt when the session was scheduled to start
 * @param sessionDate the scheduled day (UTC)
 * @param cancelledBy {@code CLIENT} or {@code CLINIC}
 * @param late whether a client cancelled late (the clinic's own cancellations are never late)
 */
public record SessionCancelled(UUID sessionId, UUID clientId, String clientCode, UUID therapistId, String clinicId,
        int sessionNumber, Instant scheduledAt, LocalDate sessionDate, String cancelledBy, boolean late, Instant recordedAt)
        implements EventPayload {

    public SessionCancelled {
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(scheduledAt, "scheduledAt");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
        present(cancelledBy, "cancelledBy");
        present(recordedAt, "recordedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
