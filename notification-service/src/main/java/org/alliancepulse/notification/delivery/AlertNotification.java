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
 * The delivery log: one row per email, ever — an alert's own email, its escalation and its resolved note each once
 * per alert, a digest once per therapist and digest time — which is why each is sent at most once (bar the crash
 * window {@link AlertMailer} describes). The row is a small state machine; its transitions are the methods below,
 * and {@link AlertMailer} runs them in short transactions around, never across, the SMTP conversation.
 */
@Entity
@Table(name = "alert_notification")
public class AlertNotification extends PanacheEntityBase {

    public enum Status {
        /** Due at {@code nextAttemptAt}: a first attempt, or a retry after back-off. */
        PENDING,
        /** The therapist is not in the directory yet; no attempt is spent until they arrive. */
        WAITING_FOR_THERAPIST,
        /** The clinic has no supervisor address yet (an escalation, or a therapist no longer active). */
        WAITING_FOR_SUPERVISOR,
        /** Listed by the therapist's next digest, due at {@code nextAttemptAt}. */
        IN_DIGEST,
        /** Claimed at {@code claimedAt} by a mailer that is talking to the SMTP server now (or died doing so). */
        SENDING,
        /** Accepted by the SMTP server. Final. */
        SENT,
        /** Given up after the last attempt. Final. */
        FAILED,
        /** About a session long past (an imported history, a replay): recorded, never emailed. Final. */
        NOT_SENT_HISTORICAL,
        /** Acknowledged or resolved before it went out (or a digest left with nothing to list). Final. */
        CANCELLED,
        /** Not to be sent: a kind the therapist skips, a kind never emailed; the reason in {@code lastError}. Final. */
        SKIPPED
    }

    /** What the email is. */
    public enum Purpose {
        /** The alert itself, to the therapist (or the supervisor when the therapist is not active). */
        ALERT,
        /** The alert was not acknowledged in time: to the clinic's supervisor. */
        ESCALATION,
        /** A short note that the alert was resolved, for therapists who asked for them. */
        RESOLVED,
        /** A therapist's daily digest, listing the alerts that waited for it. */
        DIGEST
    }

    /** Whom it went to. */
    public enum Recipient {
        THERAPIST, SUPERVISOR
    }

    @Id
    public UUID id;

    /** Null for a digest (which is about several alerts). */
    @Column(name = "alert_id")
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    /** Set when it was sent (or routed): the therapist or the clinic's supervisor. */
    @Enumerated(EnumType.STRING)
    public Recipient recipient;

    @Column(name = "clinic_id")
    public String clinicId;

    /** When analytics raised the alert: NotificationSent carries the time from then to the SMTP server's acceptance. */
    @Column(name = "alert_raised_at")
    public Instant alertRaisedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A resolved note's resolution (REPAIRED, RISK_CLEARED, ...). */
    public String resolution;

    /** A digest's time: the therapist's chosen hour on the day it is for. */
    @Column(name = "digest_at")
    public Instant digestAt;

    public String kind;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    /** A resolved note's day (AlertResolved.dayOf): the resolving session's, or an ending's own; null on others. */
    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

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

    /** The type of the last failure (an exception class name) or why it was skipped, never message text. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Also the claim's fencing token: a result is recorded only against the version its claim committed. */
    @Version
    public long version;

    public static boolean existsForAlert(UUID alertId) {
        return count("alertId = ?1 and purpose = ?2", alertId, Purpose.ALERT) > 0;
    }

    /** A new row for a raised alert, due at once. */
    public static AlertNotification due(UUID alertId, String kind, UUID clientId, String clientCode,
            UUID therapistId, LocalDate sessionDate, Instant now) {
        return due(Purpose.ALERT, alertId, kind, clientId, clientCode, therapistId, sessionDate, now);
    }

    /** A new row for an email about an alert, due at {@code dueAt}. */
    public static AlertNotification due(Purpose purpose, UUID alertId, String kind, UUID clientId,
            String clientCode, UUID therapistId, LocalDate sessionDate, Instant dueAt) {
        AlertNotification notification = new AlertNotification();
        notification.id = UUID.randomUUID();
        notification.purpose = purpose;
        notification.createdAt = Instant.now();
        notification.alertId = alertId;
        notification.kind = kind;
        notification.clientId = clientId;
        notification.clientCode = clientCode;
        notification.therapistId = therapistId;
        notification.sessionDate = sessionDate;
        notification.status = Status.PENDING;
        notification.nextAttemptAt = dueAt;
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

    /** PENDING (or abandoned SENDING) → WAITING_FOR_SUPERVISOR, spending nothing. */
    void waitForSupervisor() {
        require(status == Status.PENDING || status == Status.SENDING, "wait");
        status = Status.WAITING_FOR_SUPERVISOR;
        claimedAt = null;
    }

    /** PENDING (or abandoned SENDING) → PENDING due at {@code until} (quiet hours), spending nothing. */
    void defer(Instant until) {
        require(status == Status.PENDING || status == Status.SENDING, "defer");
        status = Status.PENDING;
        claimedAt = null;
        nextAttemptAt = until;
    }

    /** PENDING (or abandoned SENDING) → IN_DIGEST, listed by the therapist's digest at {@code digestTime}. */
    void toDigest(Instant digestTime) {
        require(status == Status.PENDING || status == Status.SENDING, "put in a digest");
        status = Status.IN_DIGEST;
        recipient = Recipient.THERAPIST;
        claimedAt = null;
        nextAttemptAt = digestTime;
    }

    /** PENDING (or abandoned SENDING) → SKIPPED, with the reason. */
    void skip(String reason) {
        require(status == Status.PENDING || status == Status.SENDING, "skip");
        status = Status.SKIPPED;
        claimedAt = null;
        lastError = reason;
    }

    /** IN_DIGEST → SENT: listed by a digest the SMTP server accepted. */
    void sentInDigest(Instant now) {
        require(status == Status.IN_DIGEST, "record as sent in a digest");
        status = Status.SENT;
        sentAt = now;
    }

    /** IN_DIGEST → FAILED: listed by a digest that was given up. */
    void failedWithDigest(String failureType) {
        require(status == Status.IN_DIGEST, "record as failed with its digest");
        status = Status.FAILED;
        lastError = failureType;
    }

    /** SENDING → CANCELLED: a digest with nothing left to list. */
    void cancel() {
        require(status == Status.SENDING, "cancel");
        status = Status.CANCELLED;
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
