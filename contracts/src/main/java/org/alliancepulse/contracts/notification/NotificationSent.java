package org.alliancepulse.contracts.notification;

import static org.alliancepulse.contracts.Require.present;

import java.time.Instant;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * An email about an alert was accepted by the mail server. A digest announces one of these per alert it listed
 * (same {@code notificationId}).
 *
 * @param purpose {@code ALERT}, {@code ESCALATION}, {@code RESOLVED} or {@code DIGEST}; optional (absent in older
 *        events, which were all ALERT)
 * @param recipient {@code THERAPIST} or {@code SUPERVISOR}; optional
 * @param alertRaisedAt when the analytics service raised the alert; optional
 * @param alertKind the alert's kind ({@code RUPTURE}, {@code UNRESOLVED_RUPTURE}, {@code FIT_CONCERN},
 *        {@code DROPOUT_RISK}), as in {@code AlertRaised}; absent in events published before it was added
 * @param millisFromAlertRaised from {@code alertRaisedAt} to the SMTP server's acceptance, in milliseconds: how long
 *        the therapist waited for the alert (quiet hours and digests included); optional
 */
public record NotificationSent(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
        Instant sentAt, String purpose, String recipient, Instant alertRaisedAt, Long millisFromAlertRaised,
        String alertKind)
        implements EventPayload {

    public NotificationSent {
        present(notificationId, "notificationId");
        present(alertId, "alertId");
        present(clientId, "clientId");
        present(therapistId, "therapistId");
        present(sentAt, "sentAt");
    }

    /** The shape before purposes and timings. */
    public NotificationSent(UUID notificationId, UUID alertId, UUID clientId, UUID therapistId, int attempts,
            Instant sentAt) {
        this(notificationId, alertId, clientId, therapistId, attempts, sentAt, null, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
