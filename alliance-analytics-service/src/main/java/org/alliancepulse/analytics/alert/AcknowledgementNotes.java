package org.alliancepulse.analytics.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an acknowledgement note may not hold. PHI stays in intake-service; this service keeps ids and the client code,
 * and its notes are read by the clinic's staff and the network's admins. A name cannot be told from other words, but
 * contact details can (outside probe: a note with the client's phone number was kept and shown). Dates are left
 * alone: a note about "the session of 2026-11-27" is what notes are for.
 */
final class AcknowledgementNotes {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()]+@[^\\s@<>()]+\\.[A-Za-z]{2,}");

    /** A run of digits with the separators phone numbers are written with. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{Alnum}])\\+?\\d[\\d ()./-]*\\d(?![\\p{Alnum}])");

    /** An id (a session's, an alert's): hex digits in groups, no phone number. */
    private static final Pattern UUID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** An ISO date, possibly with its time: digits enough for a phone number, but a session's day. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{1,2}[:.]\\d{2})?");

    /** Eight digits make a phone number in most of Europe; seven in some places, and in local numbers. */
    static final int PHONE_DIGITS = 7;

    private AcknowledgementNotes() {
    }

    /**
     * Characters that change how the rest of a line reads without being seen: direction overrides and isolates (an
     * outside probe's U+202E turned "evil" into "live" on the alert page), zero-width spaces and joiners' look-alike
     * U+FEFF, and control characters other than line breaks and tabs. Intake refuses them in names alike.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200B\\uFEFF"
            + "\\p{Cc}&&[^\\n\\r\\t]]");

    /** Whether the note holds a character that changes how it reads without being seen (see {@link #INVISIBLE}). */
    static boolean hasInvisibleMarks(String note) {
        return note != null && INVISIBLE.matcher(note).find();
    }

    /** What contact detail the note holds, in words ("an e-mail address"), or empty when none. */
    static Optional<String> contactDetailIn(String note) {
        if (note == null) {
            return Optional.empty();
        }
        if (EMAIL.matcher(note).find()) {
            return Optional.of("an e-mail address");
        }
        // ids and dates (with their times) first taken out: a day and a session number beside it are no number
        Matcher run = DIGIT_RUN.matcher(DATE.matcher(UUID.matcher(note).replaceAll("|")).replaceAll("|"));
        while (run.find()) {
            if (looksLikeAPhoneNumber(run.group())) {
                return Optional.of("a phone number");
            }
        }
        return Optional.empty();
    }

    /**
     * Seven digits or more, in groups of two or more after the first ("+47 555 66 777", "(0)20 7946 0958"): a list
     * of single answers ("4 4 5 3 4 4 5") is no phone number.
     */
    private static boolean looksLikeAPhoneNumber(String run) {
        String[] groups = run.split("\\D+");
        int digits = 0;
        for (int i = 0; i < groups.length; i++) {
            digits += groups[i].length();
            if (i > 0 && groups[i].length() < 2 && !groups[i].isEmpty()) {
                return false;
            }
        }
        return digits >= PHONE_DIGITS;
    }
}
