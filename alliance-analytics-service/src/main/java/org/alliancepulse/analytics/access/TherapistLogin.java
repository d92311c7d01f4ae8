package org.alliancepulse.analytics.access;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A therapist's login, as intake announced it: how a therapist's token finds their own dyads and alerts. */
@Entity
@Table(name = "therapist_login")
public class TherapistLogin extends PanacheEntityBase {

    @Id
    @Column(name = "therapist_id")
    public UUID therapistId;

    public String username;

    @Column(name = "clinic_id")
    public String clinicId;

    public static Optional<UUID> therapistIdOf(String username) {
        return TherapistLogin.<TherapistLogin>find("username", username).firstResultOptional()
                .map(login -> login.therapistId);
    }
}
