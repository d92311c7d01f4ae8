package org.alliancepulse.intake.therapist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A therapist of one clinic. Staff data, not PHI. */
@Entity
public class Therapist extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "clinic_id")
    public String clinicId;

    /** The login at the identity provider: how a therapist's token is recognised. */
    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "work_email")
    public String workEmail;

    @Column(name = "registered_at")
    public Instant registeredAt;

    public static boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }
}
