package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something about a dyad a therapist should look at, with its lifecycle. */
@Entity
public class Alert extends PanacheEntityBase {

    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED
    }

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    public String kind;

    public String severity;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "session_date")
    public LocalDate sessionDate;

    /** Reason codes, comma-separated. */
    public String reasons;

    /** When this service raised it (processing time). */
    @Column(name = "raised_at")
    public Instant raisedAt;

    /** The dyad (client, therapist, episode); null for the walking skeleton's LOW_ALLIANCE alerts. */
    @Column(name = "dyad_id")
    public UUID dyadId;

    @Column(name = "session_number")
    public Integer sessionNumber;

    /** When, in the dyad's own time, it arose: the triggering session's scheduled time. */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** For ruptures: the pillars that fell, comma-separated. */
    public String pillars;

    /** For dropout risk: the score when raised. */
    @Column(name = "risk_score")
    public Double riskScore;

    /** For dropout risk: the top factors with their contributions, as JSON. */
    @Column(name = "risk_factors")
    public String riskFactors;

    /** REPAIRED, ESCALATED, FIT_IMPROVED, RISK_CLEARED, EPISODE_CLOSED, REASSIGNED or WITHDRAWN; null while open. */
    public String resolution;

    @Column(name = "resolved_session_id")
    public UUID resolvedSessionId;

    @Column(name = "resolved_session_number")
    public Integer resolvedSessionNumber;

    /** When, in the dyad's own time, it was resolved. */
    @Column(name = "resolved_occurred_at")
    public Instant resolvedOccurredAt;

    /** The date of the session that resolved it, where that session was held. */
    @Column(name = "resolved_session_date")
    public LocalDate resolvedSessionDate;

    /** When this service resolved it (processing time). */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** The note written on acknowledging: stays in this service. */
    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;

    public boolean resolved() {
        return status == Status.RESOLVED;
    }

    public static List<Alert> ofDyad(UUID dyadId) {
        return list("dyadId = ?1 order by occurredAt, raisedAt", dyadId);
    }
}
