package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;
import static org.alliancepulse.contracts.Require.sessionTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A session's recorded outcome was wrong and has been replaced; consumers replace the earlier outcome with this one.
 *
 * @param sessionNumber the session's number in the client's course of sessions (1, 2, ...)
 * @param scheduledAt when the session was scheduled to start
 * @param sessionDate the scheduled day (UTC)
 * @param previousOutcome the outcome recorded before: {@code ATTENDED}, {@code NO_SHOW}, {@code CANCELLED_BY_CLIENT} or
 *        {@code CANCELLED_BY_CLINIC}
 * @param outcome the outcome that replaces it (same values)
 * @param late for {@code CANCELLED_BY_CLIENT}: whether the client cancelled late; false otherwise
 */
public record SessionOutcomeCorrected(UUID sessionId, UUID clientId, String clientCode, UUID therapistId, String clinicId,
        int sessionNumber, Instant scheduledAt, LocalDate sessionDate, String previousOutcome, String outcome, boolean late, Instant recordedAt)
        implements EventPayload {

    public SessionOutcomeCorrected {
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(scheduledAt, "scheduledAt");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
        present(previousOutcome, "previousOutcome");
        present(outcome, "outcome");
        present(recordedAt, "recordedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
