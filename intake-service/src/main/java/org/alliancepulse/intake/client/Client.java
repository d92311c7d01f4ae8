package org.alliancepulse.intake.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A client of a clinic, with the PHI that exists only here. Everything that leaves this service identifies the
 * client by {@link #id} and {@link #clientCode} alone.
 */
@Entity
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic lock: a concurrent change of the same row fails (409) instead of silently overwriting. */
    @Version
    public long version;

    @Column(name = "clinic_id")
    public String clinicId;

    @Column(name = "client_code")
    public String clientCode;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** The therapist the client is currently assigned to, if any. */
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static boolean codeTaken(String clientCode) {
        return count("clientCode", clientCode) > 0;
    }
}
