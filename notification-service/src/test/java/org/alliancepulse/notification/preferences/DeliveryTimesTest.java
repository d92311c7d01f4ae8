package org.alliancepulse.notification.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours and the digest hour on the therapist's own clock, including the nights the clocks change. */
class DeliveryTimesTest {

    private static Preferences quiet(String zone, String from, String until) {
        return new Preferences(Preferences.Delivery.IMMEDIATE, 8, ZoneId.of(zone),
                from.isEmpty() ? null : LocalTime.parse(from), until.isEmpty() ? null : LocalTime.parse(until),
                Set.of(), false);
    }

    @ParameterizedTest(name = "{0} {1}-{2} at {3}: held until {4}")
    @CsvSource(nullValues = "-", value = {
            // overnight quiet hours, Oslo in winter (UTC+1)
            "Europe/Oslo, 21:00, 07:00, 2026-11-27T19:59:59Z, -",
            "Europe/Oslo, 21:00, 07:00, 2026-11-27T20:00:00Z, 2026-11-28T06:00:00Z",
            "Europe/Oslo, 21:00, 07:00, 2026-11-27T23:30:00Z, 2026-11-28T06:00:00Z",
            "Europe/Oslo, 21:00, 07:00, 2026-11-28T05:59:59Z, 2026-11-28T06:00:00Z",
            "Europe/Oslo, 21:00, 07:00, 2026-11-28T06:00:00Z, -",
            "Europe/Oslo, 21:00, 07:00, 2026-11-28T12:00:00Z, -",
            // daytime quiet hours (a lunch break), New York in winter (UTC-5)
            "America/New_York, 12:00, 13:00, 2026-11-27T16:59:00Z, -",
            "America/New_York, 12:00, 13:00, 2026-11-27T17:00:00Z, 2026-11-27T18:00:00Z",
            "America/New_York, 12:00, 13:00, 2026-11-27T18:00:00Z, -",
            // the night Oslo's clocks go forward (2026-03-29, 02:00 -> 03:00): quiet until 02:30 does not exist
            "Europe/Oslo, 22:00, 02:30, 2026-03-28T23:00:00Z, 2026-03-29T01:30:00Z",
            // the night they go back (2026-10-25, 03:00 -> 02:00): 07:00 is UTC+1 again
            "Europe/Oslo, 22:00, 07:00, 2026-10-24T21:00:00Z, 2026-10-25T06:00:00Z",
            // none
            "UTC, '', '', 2026-11-27T23:00:00Z, -",
    })
    void quietHoursHoldAnEmailUntilTheyEnd(String zone, String from, String until, Instant now, Instant heldUntil) {
        assertEquals(Optional.ofNullable(heldUntil), DeliveryTimes.quietUntil(quiet(zone, from, until), now));
    }

    @ParameterizedTest(name = "{0} at hour {1}, now {2}: next digest {3}")
    @CsvSource({
            "Europe/Oslo, 8, 2026-11-27T06:59:59Z, 2026-11-27T07:00:00Z",
            "Europe/Oslo, 8, 2026-11-27T07:00:00Z, 2026-11-28T07:00:00Z",
            "Europe/Oslo, 8, 2026-11-27T22:30:00Z, 2026-11-28T07:00:00Z",
            "UTC, 0, 2026-11-27T00:00:00Z, 2026-11-28T00:00:00Z",
            "UTC, 23, 2026-11-27T00:00:00Z, 2026-11-27T23:00:00Z",
            // across the change to summer time: 08:00 is UTC+2 the next morning
            "Europe/Oslo, 8, 2026-03-28T12:00:00Z, 2026-03-29T06:00:00Z",
    })
    void theDigestGoesAtTheChosenHourNextComing(String zone, int hour, Instant now, Instant next) {
        Preferences digest = new Preferences(Preferences.Delivery.DAILY_DIGEST, hour, ZoneId.of(zone), null, null,
                Set.of(), false);
        assertEquals(next, DeliveryTimes.nextDigest(digest, now));
    }
}
