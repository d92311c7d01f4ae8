package org.alliancepulse.notification.delivery;

import java.util.UUID;

/**
 * A CDI event: the therapist can be emailed from now on. Fired synchronously inside the transaction that put them
 * in the directory, so the alerts waiting for them are released in that same transaction ({@link WaitingAlerts}).
 */
public record TherapistReachable(UUID therapistId) {
}
