package org.alliancepulse.session.instrument;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation's own instrument, stored as its JSON definition. Never changed once added. */
@Entity
@Table(name = "instrument")
public class InstrumentDefinition extends PanacheEntityBase {

    @Id
    public String code;

    public String definition;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
