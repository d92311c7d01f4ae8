package org.alliancepulse.notification.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * Where delivery finds whom to email. Declared here and implemented by the directory, so the dependency points from
 * the directory to delivery and never back.
 */
public interface Recipients {

    /** The therapist as the directory knows them, or empty while intake-service has not announced them. */
    Optional<Therapist> therapist(UUID therapistId);

    /** The clinic's supervisor address for escalations, or empty while the clinic has none (or is unknown). */
    Optional<Supervisor> supervisor(String clinicId);

    /**
     * A therapist: their name for the greeting, their work email, their clinic, and whether they still work there
     * ({@code false}: on leave or gone; their alerts go to the clinic's supervisor instead).
     */
    record Therapist(UUID id, String displayName, String workEmail, String clinicId, boolean active) {
    }

    /** A clinic's supervisor address and the clinic's name for the greeting. */
    record Supervisor(String clinicId, String clinicName, String email) {
    }
}
