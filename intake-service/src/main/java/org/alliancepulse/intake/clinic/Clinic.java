package org.alliancepulse.intake.clinic;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic of the network. Its id is chosen by the network and is the {@code clinic_id} claim of its staff. */
@Entity
public class Clinic extends PanacheEntityBase {

    @Id
    public String id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    public String name;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** Where escalations about this clinic's clients go (a supervisor's work address); may be unset. */
    @Column(name = "supervisor_email")
    public String supervisorEmail;
}
