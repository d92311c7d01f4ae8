package org.alliancepulse.notification.delivery;

import java.util.UUID;

/**
 * A CDI event: someone delivery may have been waiting for can be emailed from now on — a therapist reached the
 * directory, or a clinic gave a supervisor address. Fired synchronously inside the transaction that recorded it, so
 * the emails waiting for them are released in that same transaction ({@link WaitingAlerts}).
 */
public sealed interface RecipientReachable {

    /** The therapist is in the directory now (or changed: active or not, another address). */
    record TherapistReachable(UUID therapistId) implements RecipientReachable {
    }

    /** The clinic has a supervisor address now. */
    record SupervisorReachable(String clinicId) implements RecipientReachable {
    }
}
