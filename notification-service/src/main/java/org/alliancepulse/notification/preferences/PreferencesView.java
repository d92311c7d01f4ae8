package org.alliancepulse.notification.preferences;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A therapist's notification preferences as the API shows and takes them. On {@code PUT} the whole set is replaced;
 * omitted fields take their defaults ({@code IMMEDIATE}, digest hour 8, the service's default time zone, no quiet
 * hours, no skipped kinds, no resolved notes).
 *
 * @param delivery {@code IMMEDIATE} or {@code DAILY_DIGEST}
 * @param digestHour 0-23, the local hour the daily digest goes out
 * @param timeZone an IANA time zone such as {@code Europe/Oslo}; quiet hours and the digest hour are in it
 * @param quietHours local times between which no email goes out (they wait until the end); null for none
 * @param skippedKinds alert kinds not to email: {@code RUPTURE}, {@code FIT_CONCERN} (never {@code DROPOUT_RISK} or
 *        {@code UNRESOLVED_RUPTURE})
 * @param resolvedNotes a short email when an alert that was emailed is resolved
 * @param updatedAt when they were last changed (read only)
 * @param updatedBy who changed them last (read only)
 */
@Schema(example = """
        {"delivery":"DAILY_DIGEST","digestHour":8,"timeZone":"Europe/Oslo",
         "quietHours":{"from":"21:00","until":"07:00"},"skippedKinds":["FIT_CONCERN"],"resolvedNotes":true,
         "updatedAt":"2026-11-20T09:12:00Z","updatedBy":"dr-north"}""")
public record PreferencesView(String delivery, Integer digestHour, String timeZone, QuietHours quietHours,
        List<String> skippedKinds, Boolean resolvedNotes, Instant updatedAt, String updatedBy) {

    /** Quiet hours, {@code HH:mm} local times; {@code from} after {@code until} spans midnight. */
    public record QuietHours(String from, String until) {
    }

    static PreferencesView of(Preferences p, TherapistPreferences stored) {
        return new PreferencesView(p.delivery().name(), p.digestHour(), p.timeZone().getId(),
                p.hasQuietHours() ? new QuietHours(p.quietFrom().toString(), p.quietUntil().toString()) : null,
                p.skippedKinds().stream().sorted().toList(), p.resolvedNotes(),
                stored == null ? null : stored.updatedAt, stored == null ? null : stored.updatedBy);
    }
}
