package org.alliancepulse.contracts.alliance;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * The analytics service wants a therapist to look at a dyad.
 *
 * @param kind what was seen, e.g. {@code LOW_ALLIANCE}, {@code RUPTURE}, {@code FIT_CONCERN}, {@code DROPOUT_RISK}
 * @param severity {@code INFO}, {@code WARNING} or {@code URGENT}
 * @param reasons machine-readable reason codes, e.g. {@code SRS_TOTAL_BELOW_36}; never free text
 */
public record AlertRaised(UUID alertId, String kind, String severity, UUID clientId, String clientCode,
        UUID therapistId, String clinicId, UUID sessionId, LocalDate sessionDate, List<String> reasons,
        Instant raisedAt) implements EventPayload {

    public AlertRaised {
        present(alertId, "alertId");
        present(kind, "kind");
        present(severity, "severity");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(sessionId, "sessionId");
        present(sessionDate, "sessionDate");
        reasons = List.copyOf(present(reasons, "reasons"));
        present(raisedAt, "raisedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
