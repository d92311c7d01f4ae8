package org.alliancepulse.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client of a clinic, with the PHI that exists only here. Everything that leaves this service identifies the
 * client by {@link #id} and {@link #clientCode} alone. The client is also the aggregate whose version guards every
 * change of its episodes of care: two concurrent moves of one client are a 409, never a lost update.
 */
@Entity
public class Client extends PanacheEntityBase {

    /** Where the client stands in their care. */
    public enum Status {
        /** in an open episode, not yet assigned to a therapist */
        WAITING,
        /** in an open episode with a therapist */
        IN_CARE,
        /** the last episode ended */
        DISCHARGED
    }

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "client_code")
    public String clientCode;

    /** PHI: {@code null} once erased. */
    @Column(name = "first_name")
    public String firstName;

    /** PHI: {@code null} once erased. */
    @Column(name = "last_name")
    public String lastName;

    /** PHI: {@code null} once erased. */
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    /** PHI (contact): {@code null} once erased. */
    public String email;

    /** PHI (contact): {@code null} once erased. */
    public String phone;

    /** ISO 639-1 code of the language the client prefers for therapy. */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    /** Consent to be asked for routine feedback (the alliance ratings) after sessions. */
    @Column(name = "consent_routine_feedback")
    public boolean consentRoutineFeedback;

    /** Consent to be contacted (reminders, feedback links). */
    @Column(name = "consent_contact")
    public boolean consentContact;

    /** Stated preferences the clinic can match on. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_specialties")
    public List<String> preferredSpecialties = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_modalities")
    public List<String> preferredModalities = new ArrayList<>();

    /** PHI (free text): anything else the client asked for. {@code null} once erased. */
    @Column(name = "preference_notes")
    public String preferenceNotes;

    /** PHI (free text): what the client wants from therapy, in their words. {@code null} once erased. */
    @Column(name = "intake_goals")
    public String intakeGoals;

    /** Kept beyond erasure: coarse enough not to identify, needed by the statistics. */
    @Column(name = "age_band")
    public String ageBand;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The open episode of care, if any. */
    @Column(name = "current_episode_id")
    public UUID currentEpisodeId;

    /** The therapist the client is currently assigned to, if any. */
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** When the client's PHI was erased; {@code null} while it is held. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public boolean erased() {
        return erasedAt != null;
    }

    public static boolean codeTaken(String clientCode) {
        return count("clientCode", clientCode) > 0;
    }
}
