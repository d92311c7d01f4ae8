package org.alliancepulse.session.dyad;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A client and the therapist they are assigned to, as last announced by intake-service. */
@Entity
public class Dyad extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "assigned_at")
    public Instant assignedAt;
}
