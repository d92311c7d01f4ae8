package org.alliancepulse.notification.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.notification.delivery.AlertNotification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One email in the delivery log: what it is about (ids and the client's code only), to whom, and how it went.
 *
 * @param purpose ALERT, ESCALATION, RESOLVED or DIGEST
 * @param recipient THERAPIST or SUPERVISOR, once decided
 * @param status PENDING, WAITING_FOR_THERAPIST, WAITING_FOR_SUPERVISOR, IN_DIGEST, SENDING, SENT, FAILED,
 *        NOT_SENT_HISTORICAL, CANCELLED or SKIPPED
 * @param lastError the last failure's type, or why it was cancelled or skipped
 * @param nextAttemptAt when it is due (a retry, the end of quiet hours, the digest, the escalation)
 */
@Schema(example = """
        {"id":"5a0c1f4e-8a55-4c55-a8a8-0b9f9d7c2e11","purpose":"ALERT","alertId":"0f0e6c3a-4b7d-4a37-9d5e-2b1c3d4e5f60",
         "kind":"RUPTURE","clientCode":"C-7KQ3MZ","therapistId":"3b241101-e2bb-4255-8caf-4136c566a962",
         "clinicId":"north","recipient":"THERAPIST","status":"SENT","attempts":1,"lastError":null,
         "sessionDate":"2026-11-24","createdAt":"2026-11-24T10:15:31Z","nextAttemptAt":"2026-11-24T10:15:31Z",
         "sentAt":"2026-11-24T10:15:32Z","digestAt":null}""")
public record NotificationView(UUID id, String purpose, UUID alertId, String kind, String clientCode,
        UUID therapistId, String clinicId, String recipient, String status, int attempts, String lastError,
        LocalDate sessionDate, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant digestAt) {

    static NotificationView of(AlertNotification n) {
        return new NotificationView(n.id, n.purpose.name(), n.alertId, n.kind, n.clientCode, n.therapistId,
                n.clinicId, n.recipient == null ? null : n.recipient.name(), n.status.name(), n.attempts, n.lastError,
                n.sessionDate, n.createdAt, n.nextAttemptAt, n.sentAt, n.digestAt);
    }
}
