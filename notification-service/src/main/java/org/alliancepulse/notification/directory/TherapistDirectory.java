package org.alliancepulse.notification.directory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancepulse.notification.delivery.Recipients;

/** The directory as delivery sees it: therapists and clinics' supervisor addresses, as intake-service announced them. */
@ApplicationScoped
public class TherapistDirectory implements Recipients {

    @Override
    public Optional<Therapist> therapist(UUID therapistId) {
        return TherapistContact.<TherapistContact> findByIdOptional(therapistId)
                .map(c -> new Therapist(c.therapistId, c.displayName, c.workEmail, c.clinicId, c.active));
    }

    @Override
    public Optional<Supervisor> supervisor(String clinicId) {
        return clinicId == null ? Optional.empty()
                : ClinicContact.<ClinicContact> findByIdOptional(clinicId)
                        .filter(c -> c.supervisorEmail != null && !c.supervisorEmail.isBlank())
                        .map(c -> new Supervisor(c.clinicId, c.name, c.supervisorEmail));
    }
}
