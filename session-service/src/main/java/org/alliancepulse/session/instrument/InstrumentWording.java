package org.alliancepulse.session.instrument;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The organisation's licensed wording of one instrument's items, kept apart from the structure: the built-in
 * structures ship with the product, the wording only where an organisation holds the licence and loads it.
 */
@Entity
@Table(name = "instrument_wording")
public class InstrumentWording extends PanacheEntityBase {

    @Id
    public String code;

    /** Item key to label, as a JSON object. */
    public String labels;

    @Column(name = "loaded_by")
    public String loadedBy;

    @Column(name = "loaded_at")
    public Instant loadedAt;

    /** Optimistic lock: two admins loading at once get a 409, not a silent overwrite. */
    @Version
    public long version;
}
