package org.alliancepulse.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The delivery log: one row per alert, which is why an alert is emailed at most once. */
@Entity
@Table(name = "alert_notification")
public class AlertNotification extends PanacheEntityBase {

    public enum Status {
        PENDING, SENT, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "alert_id")
    public UUID alertId;

    public String kind;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The kind of the last failure (exception type), never message text. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public static boolean existsForAlert(UUID alertId) {
        return count("alertId", alertId) > 0;
    }
}
