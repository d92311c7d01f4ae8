package org.alliancepulse.intake.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read or write of a client's PHI: who, what, when. Written in the same transaction as the access. */
@Entity
@Table(name = "phi_access_log")
public class PhiAccessLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "accessed_at")
    public Instant accessedAt;

    /** The login of the person who accessed. */
    public String actor;

    /** e.g. {@code REGISTER}, {@code READ}, {@code ASSIGN}. */
    public String action;

    @Column(name = "client_id")
    public UUID clientId;

    public static void record(String actor, String action, UUID clientId) {
        PhiAccessLog entry = new PhiAccessLog();
        entry.accessedAt = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.clientId = clientId;
        entry.persist();
    }
}
