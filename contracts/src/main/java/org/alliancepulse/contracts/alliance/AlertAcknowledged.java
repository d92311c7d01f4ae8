package org.alliancepulse.contracts.alliance;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A therapist or the clinic's staff has seen the alert. Cancels pending escalations. The note they may have written
 * stays in the analytics service.
 *
 * @param acknowledgedBy the user name of who acknowledged it (staff, never the client)
 */
public record AlertAcknowledged(UUID alertId, String kind, UUID clientId, UUID therapistId, String clinicId,
        String acknowledgedBy, Instant acknowledgedAt) implements EventPayload {

    public AlertAcknowledged {
        present(alertId, "alertId");
        present(kind, "kind");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(acknowledgedBy, "acknowledgedBy");
        present(acknowledgedAt, "acknowledgedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
