package org.alliancepulse.notification.delivery;

import java.util.Optional;
import java.util.UUID;

/**
 * Where delivery finds a therapist's address. Declared here and implemented by the directory, so the dependency
 * points from the directory to delivery and never back.
 */
public interface Recipients {

    /** The therapist's work address, or empty while the directory has not heard of them. */
    Optional<Recipient> find(UUID therapistId);

    /** Whom an alert email goes to: the therapist's name for the greeting and their work email. */
    record Recipient(String displayName, String workEmail) {
    }
}
