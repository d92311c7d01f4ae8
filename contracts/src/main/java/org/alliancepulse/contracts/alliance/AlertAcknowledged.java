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
 * @param clientCode the client's pseudonymous code, as in {@code AlertRaised}; absent in events published before it
 *        was added
 * @param dyadId the client-therapist pair the alert is about, as in {@code AlertRaised}; absent in events published
 *        before it was added
 */
public record AlertAcknowledged(UUID alertId, String kind, UUID clientId, UUID therapistId, String clinicId,
        String acknowledgedBy, Instant acknowledgedAt, String clientCode, UUID dyadId) implements EventPayload {

    public AlertAcknowledged {
        present(alertId, "alertId");
        present(kind, "kind");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(acknowledgedBy, "acknowledgedBy");
        present(acknowledgedAt, "acknowledgedAt");
    }

    /** The shape before the client code and the dyad. */
    public AlertAcknowledged(UUID alertId, String kind, UUID clientId, UUID therapistId, String clinicId,
            String acknowledgedBy, Instant acknowledgedAt) {
        this(alertId, kind, clientId, therapistId, clinicId, acknowledgedBy, acknowledgedAt, null, null);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
