package org.alliancepulse.notification.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's name and the supervisor address escalations go to, announced by intake-service. */
@Entity
@Table(name = "clinic_contact")
public class ClinicContact extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    public String name;

    /** Null while the clinic has given none: escalations wait for it. */
    @Column(name = "supervisor_email")
    public String supervisorEmail;
}
