package org.alliancepulse.intake.clinic;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.ClinicUpdated;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;

/** Registering clinics and keeping their details; every change is announced. */
@ApplicationScoped
public class ClinicService {

    @Inject
    Outbox outbox;

    public Clinic register(String id, String name, String supervisorEmail) {
        if (Clinic.findById(id) != null) {
            throw ProblemException.conflict("a clinic with id " + id + " is already registered");
        }
        Clinic clinic = new Clinic();
        clinic.id = id;
        clinic.name = name.strip();
        clinic.supervisorEmail = blankToNull(supervisorEmail);
        clinic.registeredAt = Instant.now();
        clinic.persist();
        outbox.publish(new ClinicRegistered(clinic.id, clinic.name, clinic.supervisorEmail));
        return clinic;
    }

    public Clinic update(Clinic clinic, String name, String supervisorEmail) {
        clinic.name = name.strip();
        clinic.supervisorEmail = blankToNull(supervisorEmail);
        outbox.publish(new ClinicUpdated(clinic.id, clinic.name, clinic.supervisorEmail));
        return clinic;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
