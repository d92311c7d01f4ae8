package org.alliancepulse.intake.therapist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** ISO 639-1 codes of the languages the therapist works in, e.g. {@code en}, {@code no}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    /** Problems the therapist specialises in, e.g. {@code anxiety}, {@code trauma}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> specialties = new ArrayList<>();

    /** Ways of working, e.g. {@code CBT}, {@code EFT}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> modalities = new ArrayList<>();

    /** How many current clients the therapist can carry. */
    @Column(name = "caseload_capacity")
    public int caseloadCapacity;

    /** An inactive therapist (on leave, left) keeps their current clients but takes no new ones. */
    public boolean active;

    public static boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }

    public static Optional<Therapist> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
