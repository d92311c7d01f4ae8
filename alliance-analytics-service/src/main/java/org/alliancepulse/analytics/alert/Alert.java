package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.time.LocalDate;
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

    @Column(name = "raised_at")
    public Instant raisedAt;

    public static boolean openFor(UUID clientId, UUID therapistId, String kind) {
        return count("clientId = ?1 and therapistId = ?2 and kind = ?3 and status = ?4", clientId, therapistId,
                kind, Status.OPEN) > 0;
    }
}
