package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;

import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/** A session of a dyad was put in the calendar. */
public record SessionScheduled(UUID sessionId, UUID clientId, UUID therapistId, String clinicId, LocalDate sessionDate)
        implements EventPayload {

    public SessionScheduled {
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(sessionDate, "sessionDate");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
