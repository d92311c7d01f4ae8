package org.alliancepulse.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Checks in payload constructors, so an event missing a field fails to deserialise instead of half-processing. */
public final class Require {

    /**
     * The first day a clinic's session may lie on (event time): no session or feedback of this system's clinics is
     * older. A bound so that a typo such as year 0001 is refused where it is entered, not stored and carried into every
     * consumer's state (and a database's date range).
     */
    public static final LocalDate FIRST_SESSION_DAY = LocalDate.of(1900, 1, 1);

    /** The first day no session may lie on any more: year 3000 (a typo such as year 99999 is refused). */
    public static final LocalDate NO_SESSION_FROM = LocalDate.of(3000, 1, 1);

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new Violation(field + " is required");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new Violation(field + " must not be blank");
        }
        return value;
    }

    /** What a session time outside the years allowed is told, after the field's name. */
    public static final String SESSION_YEARS = "must lie in the years " + FIRST_SESSION_DAY.getYear() + " to "
            + (NO_SESSION_FROM.getYear() - 1);

    /** Whether a session's time lies between {@link #FIRST_SESSION_DAY} and {@link #NO_SESSION_FROM}. */
    public static boolean inSessionYears(Instant value) {
        return !value.isBefore(FIRST_SESSION_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                && value.isBefore(NO_SESSION_FROM.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether a session's day, where it is held, lies in the years allowed (the same bounds as the instant's). */
    public static boolean inSessionYears(LocalDate day) {
        return inSessionYears(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A session's time in the years allowed ({@link #inSessionYears}); null passes (see present). */
    public static Instant sessionTime(Instant value, String field) {
        if (value != null && !inSessionYears(value)) {
            throw new Violation(field + " " + SESSION_YEARS);
        }
        return value;
    }

    /** A session's day in the years allowed; null passes. */
    public static LocalDate sessionDay(LocalDate value, String field) {
        if (value != null && !inSessionYears(value)) {
            throw new Violation(field + " " + SESSION_YEARS);
        }
        return value;
    }

    /** A payload broke one of its rules; the message names the field and the rule, never the value. */
    public static final class Violation extends IllegalArgumentException {

        public Violation(String message) {
            super(message);
        }
    }
}
