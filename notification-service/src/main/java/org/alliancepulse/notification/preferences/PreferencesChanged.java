package org.alliancepulse.notification.preferences;

import java.util.UUID;

/**
 * A CDI event, fired in the transaction that stored a therapist's new preferences, so that emails held under the old
 * ones (quiet hours, a digest) are decided again under the new.
 */
public record PreferencesChanged(UUID therapistId) {
}
