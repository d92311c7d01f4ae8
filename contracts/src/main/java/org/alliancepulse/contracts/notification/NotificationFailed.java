package org.alliancepulse.contracts.notification;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/** The email about an alert could not be delivered and the service stopped trying. */
public record NotificationFailed(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
        String reason, Instant failedAt) implements EventPayload {

    public NotificationFailed {
        present(notificationId, "notificationId");
        present(alertId, "alertId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(reason, "reason");
        present(failedAt, "failedAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
