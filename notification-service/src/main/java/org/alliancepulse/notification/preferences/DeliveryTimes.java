package org.alliancepulse.notification.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When an email may go out, by the therapist's own clock: quiet hours and the daily digest's hour. Pure, so the
 * awkward cases (overnight quiet hours, the nights the clocks change) are table-tested in DeliveryTimesTest.
 */
public final class DeliveryTimes {

    private DeliveryTimes() {
    }

    /**
     * If {@code now} falls in the quiet hours, the instant they end; else empty. Quiet hours run from {@code from}
     * (inclusive) to {@code until} (exclusive) local time, overnight when {@code from} is after {@code until}. On a
     * night the clocks change, a local time that does not exist is taken as the instant just after the gap.
     */
    public static Optional<Instant> quietUntil(Preferences preferences, Instant now) {
        if (!preferences.hasQuietHours()) {
            return Optional.empty();
        }
        ZoneId zone = preferences.timeZone();
        LocalTime from = preferences.quietFrom();
        LocalTime until = preferences.quietUntil();
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!isQuiet(time, from, until)) {
            return Optional.empty();
        }
        // overnight quiet hours entered this evening end tomorrow; otherwise they end today
        boolean endsTomorrow = from.isAfter(until) && !time.isBefore(from);
        return Optional.of(ZonedDateTime.of(endsTomorrow ? today.plusDays(1) : today, until, zone).toInstant());
    }

    /**
     * Whether a local time lies in quiet hours from {@code from} (inclusive) to {@code until} (exclusive), overnight
     * when {@code from} is after {@code until}.
     */
    public static boolean isQuiet(LocalTime time, LocalTime from, LocalTime until) {
        return from.isAfter(until) ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
    }

    /**
     * The first digest time strictly after {@code now}: today at {@code digestHour}:00 local time if that is still
     * ahead, else tomorrow's. Alerts arriving between two digests go into the next one.
     */
    public static Instant nextDigest(Preferences preferences, Instant now) {
        ZoneId zone = preferences.timeZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant todays = ZonedDateTime.of(today, LocalTime.of(preferences.digestHour(), 0), zone).toInstant();
        return todays.isAfter(now) ? todays
                : ZonedDateTime.of(today.plusDays(1), LocalTime.of(preferences.digestHour(), 0), zone).toInstant();
    }
}
