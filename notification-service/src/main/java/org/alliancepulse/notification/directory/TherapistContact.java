package org.alliancepulse.notification.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How to reach a therapist: staff contact data, announced by intake-service. */
@Entity
@Table(name = "therapist_contact")
public class TherapistContact extends PanacheEntityBase {

    @Id
    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(name = "clinic_id")
    public String clinicId;

    /** The therapist's login ({@code preferred_username}): how a token is matched to the therapist. */
    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "work_email")
    public String workEmail;

    /** {@code false}: on leave or gone from the clinic; alerts go to the clinic's supervisor instead. */
    public boolean active = true;
}
