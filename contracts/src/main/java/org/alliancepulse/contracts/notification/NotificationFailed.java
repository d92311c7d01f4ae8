package org.alliancepulse.contracts.notification;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * An email about an alert could not be delivered and the service stopped trying.
 *
 * @param reason the last failure's type (an exception class name), never message text
 * @param purpose {@code ALERT}, {@code ESCALATION}, {@code RESOLVED} or {@code DIGEST}; optional (absent in older
 *        events)
 * @param alertRaisedAt when the analytics service raised the alert; optional
 * @param alertKind the alert's kind ({@code RUPTURE}, {@code UNRESOLVED_RUPTURE}, {@code FIT_CONCERN},
 *        {@code DROPOUT_RISK}), as in {@code AlertRaised}; absent in events published before it was added
 * @param millisFromAlertRaised from {@code alertRaisedAt} to giving up, in milliseconds; optional
 */
public record NotificationFailed(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
        String reason, Instant failedAt, String purpose, Instant alertRaisedAt, Long millisFromAlertRaised,
        String alertKind)
        implements EventPayload {

    public NotificationFailed {
        present(notificationId, "notificationId");
        present(alertId, "alertId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(reason, "reason");
        present(failedAt, "failedAt");
    }

    /** The shape before purposes and timings. */
    public NotificationFailed(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
            String reason, Instant failedAt) {
        this(notificationId, alertId, clientId, therapistId, attempts, reason, failedAt, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
