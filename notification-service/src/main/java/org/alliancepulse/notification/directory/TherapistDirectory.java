package org.alliancepulse.notification.directory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancepulse.notification.delivery.Recipients;

/** The directory as delivery sees it: a therapist's name and work email, once intake-service has announced them. */
@ApplicationScoped
public class TherapistDirectory implements Recipients {

    @Override
    public Optional<Recipient> find(UUID therapistId) {
        return TherapistContact.<TherapistContact> findByIdOptional(therapistId)
                .map(contact -> new Recipient(contact.displayName, contact.workEmail));
    }
}
