package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;
import static org.alliancepulse.contracts.Require.sessionTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * The client came to the session.
 *
 * @param sessionNumber the session's number in the client's course of sessions (1, 2, ...)
 * @param scheduledAt when the session was scheduled to start
 * @param sessionDate the scheduled day (UTC)
 */
public record SessionAttended(UUID sessionId, UUID clientId, String clientCode, UUID therapistId, String clinicId,
        int sessionNumber, Instant scheduledAt, LocalDate sessionDate, Instant recordedAt)
        implements EventPayload {

    public SessionAttended {
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(scheduledAt, "scheduledAt");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
        present(recordedAt, "recordedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
