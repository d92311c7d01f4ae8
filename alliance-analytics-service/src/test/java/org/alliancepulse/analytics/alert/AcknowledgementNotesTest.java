package org.alliancepulse.analytics.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contact details in a note are refused; what notes are for (codes, sessions, days, scores) is not. */
class AcknowledgementNotesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Discussed with C-7KQ3MZ at the start of session 5; we agreed to slow down. | ",
            "Seen 2026-11-27 and 2026-11-28 14:00, SRS 31 then 36.5 | ",
            "session 12 on 2026-11-27T09:30, next 2026-12-04 | ",
            "Rang the client on +47 555 66 777 | a phone number",
            "call 55566777 | a phone number",
            "ring (0)20 7946 0958 tomorrow | a phone number",
            "mail ada@example.org about it | an e-mail address",
            "client C-AB12CD scored 1234567 | a phone number",
            "items 9 9.5 9 9 | ",
            // ids (a random one failed the first version, when its groups happened to be digits)
            "session six 12345678-1234-4234-8234-123456789012 | ",
            "alert 1f2e3d4c-0000-4000-8000-000000000001 seen | ",
            "WAI-SR 4 4 5 3 4 4 5 4 3 4 4 4 | ",
            "SRS 31, 36, 38, 40 | ",
            "'' | ",
    })
    void findsContactDetails(String note, String expected) {
        assertEquals(expected == null ? "" : expected, AcknowledgementNotes.contactDetailIn(note).orElse(""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "raised it on 2026-11-20 \\u202e evil | true",
            "an isolate \\u2067 here | true",
            "zero\\u200bwidth | true",
            "a bell \\u0007 | true",
            "two lines\\nand a\\ttab, \\u00e6\\u00f8\\u00e5, \\u0645\\u0631\\u062d\\u0628\\u0627 | false",
            "a Persian joiner \\u200c stays | false",
    })
    void findsInvisibleMarks(String escaped, boolean expected) {
        assertEquals(expected, AcknowledgementNotes.hasInvisibleMarks(unicode(escaped)));
    }

    /** The table's \\uXXXX, \\n and \\t as the characters they name. */
    private static String unicode(String escaped) {
        java.util.regex.Matcher u = java.util.regex.Pattern.compile("\\\\u(\\p{XDigit}{4})").matcher(escaped);
        String text = u.replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        return text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
