package org.alliancepulse.notification.preferences;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * How a therapist wants their alert emails: at once or in a daily digest, quiet hours in their time zone, kinds
 * they do not want emailed (never DROPOUT_RISK or UNRESOLVED_RUPTURE), and whether to hear when an alert resolves.
 *
 * @param quietFrom start of the quiet hours (local time), null for none; may be later than {@code quietUntil}
 *        (overnight)
 * @param quietUntil end of the quiet hours, exclusive
 */
public record Preferences(Delivery delivery, int digestHour, ZoneId timeZone, LocalTime quietFrom,
        LocalTime quietUntil, Set<String> skippedKinds, boolean resolvedNotes) {

    public enum Delivery {
        /** Each alert emailed when it arrives (after quiet hours). */
        IMMEDIATE,
        /** One email a day at {@code digestHour}, listing the alerts since the last one. */
        DAILY_DIGEST
    }

    /** The kinds that are always emailed: the ones that say a client may be about to leave. */
    public static final Set<String> NEVER_SKIPPED = Set.of("DROPOUT_RISK", "UNRESOLVED_RUPTURE");

    /** The kinds a therapist may skip. */
    public static final Set<String> SKIPPABLE = Set.of("RUPTURE", "FIT_CONCERN");

    public Preferences {
        skippedKinds = Set.copyOf(skippedKinds);
    }

    /** A therapist who never chose: immediate, no quiet hours, every kind, no resolved notes. */
    public static Preferences defaults(ZoneId timeZone) {
        return new Preferences(Delivery.IMMEDIATE, 8, timeZone, null, null, Set.of(), false);
    }

    public boolean hasQuietHours() {
        return quietFrom != null;
    }
}
