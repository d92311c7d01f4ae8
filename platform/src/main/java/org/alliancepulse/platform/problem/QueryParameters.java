package org.alliancepulse.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.alliancepulse.contracts.Require;

/**
 * Query parameters taken as given (strings) and parsed here, so that a bad one is a 400 problem naming it rather
 * than the framework's bare 404 or 500 — the one way every search endpoint reads its filters and pages.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A page request: {@code page} from 0, {@code size} from 1 to {@code maxSize}, and page x size (the first row)
     * an int: beyond it a query's offset overflows (a 500, or a page from the start).
     */
    public record Paging(int page, int size) {
    }

    public static Paging paging(String page, String size, int defaultSize, int maxSize) {
        int number = number("page", page, 0);
        int count = number("size", size, defaultSize);
        if (number < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (count < 1 || count > maxSize) {
            throw ProblemException.invalid("size", "must be between 1 and " + maxSize);
        }
        if ((long) number * count > Integer.MAX_VALUE) {
            // the first row of the page (page x size) would overflow the database query's offset
            throw ProblemException.invalid("page", "page x size must be at most " + Integer.MAX_VALUE);
        }
        return new Paging(number, count);
    }

    public static int number(String field, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    /** An enum constant by name, case-insensitively. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Optional<LocalDate> date(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date, e.g. 2026-11-27");
        }
        return Optional.of(inSessionYears(field, date));
    }

    /**
     * The day itself, if it lies in the years a session may lie in, as every date filter takes them: year -999999999
     * reached the database and came back as its refusal, year 0000 was taken (outside probe). Null stays null.
     */
    public static LocalDate inSessionYears(String field, LocalDate date) {
        if (date != null && (date.isBefore(Require.FIRST_SESSION_DAY) || !date.isBefore(Require.NO_SESSION_FROM))) {
            throw ProblemException.invalid(field, Require.SESSION_YEARS);
        }
        return date;
    }

    /** true or false (any case), or null when absent. */
    public static Boolean bool(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(field, "must be true or false");
        };
    }

    /** A UUID, or null when absent. */
    public static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
