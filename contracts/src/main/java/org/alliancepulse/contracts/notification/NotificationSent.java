package org.alliancepulse.contracts.notification;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/** The email about an alert was accepted by the mail server. */
public record NotificationSent(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
        Instant sentAt) implements EventPayload {

    public NotificationSent {
        present(notificationId, "notificationId");
        present(alertId, "alertId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(sentAt, "sentAt");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
