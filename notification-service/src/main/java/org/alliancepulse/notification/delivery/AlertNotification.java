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
import jakarta.persistence.Version;

import org.alliancepulse.platform.work.Backoff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The delivery log: one row per alert, ever, which is why an alert is emailed at most once (bar the crash window
 * {@link AlertMailer} describes). The row is a small state machine; its transitions are the methods below, and
 * {@link AlertMailer} runs them in short transactions around, never across, the SMTP conversation.
 */
@Entity
@Table(name = "alert_notification")
public class AlertNotification extends PanacheEntityBase {

    public enum Status {
        /** Due at {@code nextAttemptAt}: a first attempt, or a retry after back-off. */
        PENDING,
        /** The therapist is not in the directory yet; no attempt is spent until they arrive. */
        WAITING_FOR_THERAPIST,
        /** Claimed at {@code claimedAt} by a mailer that is talking to the SMTP server now (or died doing so). */
        SENDING,
        /** Accepted by the SMTP server. Final. */
        SENT,
        /** Given up after the last attempt. Final. */
        FAILED,
        /** About a session long past (an imported history, a replay): recorded, never emailed. Final. */
        NOT_SENT_HISTORICAL
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

    /** The pillars that fell (RUPTURE), comma-separated names; null when none. */
    public String pillars;

    /** The largest dropout-risk factors, comma-separated names, largest first; null when none. */
    public String factors;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Attempts spent on the SMTP server: finished ones, and claims a dead instance left behind. */
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    /** The type of the last failure (an exception class name), never message text. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Also the claim's fencing token: a result is recorded only against the version its claim committed. */
    @Version
    public long version;

    public static boolean existsForAlert(UUID alertId) {
        return count("alertId", alertId) > 0;
    }

    /** A new row for a raised alert, due at once. */
    public static AlertNotification due(UUID alertId, String kind, UUID clientId, String clientCode,
            UUID therapistId, LocalDate sessionDate, Instant now) {
        AlertNotification notification = new AlertNotification();
        notification.id = UUID.randomUUID();
        notification.alertId = alertId;
        notification.kind = kind;
        notification.clientId = clientId;
        notification.clientCode = clientCode;
        notification.therapistId = therapistId;
        notification.sessionDate = sessionDate;
        notification.status = Status.PENDING;
        notification.nextAttemptAt = now;
        return notification;
    }

    /**
     * PENDING or SENDING (abandoned) → SENDING. Taking up an abandoned claim counts the attempt the dead instance
     * made, whose outcome nobody knows.
     */
    void claim(Instant now) {
        require(status == Status.PENDING || status == Status.SENDING, "claim");
        if (status == Status.SENDING) {
            attempts++;
        }
        status = Status.SENDING;
        claimedAt = now;
    }

    /** PENDING (or abandoned SENDING) → WAITING_FOR_THERAPIST, spending nothing. */
    void waitForTherapist() {
        require(status == Status.PENDING || status == Status.SENDING, "wait");
        status = Status.WAITING_FOR_THERAPIST;
        claimedAt = null;
    }

    /** SENDING → PENDING without an attempt: the claim ran out of time before the email was tried. */
    void release(Instant now) {
        require(status == Status.SENDING, "release");
        status = Status.PENDING;
        claimedAt = null;
        nextAttemptAt = now;
    }

    /** SENDING → SENT. */
    void sent(Instant now) {
        require(status == Status.SENDING, "record as sent");
        attempts++;
        status = Status.SENT;
        claimedAt = null;
        sentAt = now;
    }

    /**
     * SENDING → PENDING after back-off, or → FAILED once the attempts are used up.
     *
     * @param failureType the exception's class name
     * @return whether this was the last attempt
     */
    boolean failed(String failureType, Instant now, Backoff backoff, int maxAttempts) {
        require(status == Status.SENDING, "record as failed");
        attempts++;
        lastError = failureType;
        claimedAt = null;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return true;
        }
        status = Status.PENDING;
        nextAttemptAt = now.plus(backoff.delayAfter(attempts));
        return false;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalStateException("Cannot " + transition + " notification " + id + " in state " + status);
        }
    }
}
