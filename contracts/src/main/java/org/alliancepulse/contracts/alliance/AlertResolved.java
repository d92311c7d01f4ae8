package org.alliancepulse.contracts.alliance;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * An alert's condition is over: the rupture was repaired (or escalated to an unresolved rupture), the risk cleared,
 * the fit improved, or the dyad ended. Consumers drop it from pending digests and escalations.
 * <p>
 * Usually once per alert. An alert resolved {@code EPISODE_CLOSED} or {@code REASSIGNED} is announced resolved again,
 * under the same {@code alertId}, when sessions from before the ending arrive after it and show the condition ended
 * otherwise first (a repair at the last session whose answers came in after the discharge): the later announcement
 * stands.
 *
 * @param resolution {@code REPAIRED}, {@code ESCALATED}, {@code FIT_IMPROVED}, {@code RISK_CLEARED},
 *        {@code EPISODE_CLOSED}, {@code REASSIGNED}, or {@code WITHDRAWN} (a correction of answers or attendance took
 *        away the condition it was raised for)
 * @param sessionId the session at which it was resolved (for an ending, the dyad's last recorded session)
 * @param occurredAt when, in the dyad's own time: that session's scheduled time, or the ending's time
 * @param resolvedAt when the service resolved it (processing time)
 */
public record AlertResolved(UUID alertId, String kind, UUID dyadId, UUID clientId, String clientCode,
        UUID therapistId, String clinicId, String resolution, UUID sessionId, Integer sessionNumber,
        LocalDate sessionDate, Instant occurredAt, Instant resolvedAt) implements EventPayload {

    public AlertResolved {
        present(alertId, "alertId");
        present(kind, "kind");
        present(dyadId, "dyadId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(resolution, "resolution");
        present(sessionId, "sessionId");
        present(sessionDate, "sessionDate");
        present(occurredAt, "occurredAt");
        present(resolvedAt, "resolvedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
