package org.alliancepulse.session.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttendanceRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant PAST = NOW.minusSeconds(3600);
    private static final Instant FUTURE = NOW.plusSeconds(3600);

    @ParameterizedTest(name = "{0}(late {1}) then {2}(late {3}, correction {4}), session {5} -> {6}")
    @CsvSource(nullValues = "-", value = {
            // current, currentLate, requested, late, correction, when, expected (no feedback recorded)
            "-, -, ATTENDED, -, false, past, FIRST",
            "-, -, NO_SHOW, -, false, past, FIRST",
            "-, -, CANCELLED_BY_CLIENT, true, false, future, FIRST",
            "-, -, CANCELLED_BY_CLIENT, false, false, past, FIRST",
            "-, -, CANCELLED_BY_CLINIC, -, false, future, FIRST",
            // exactly one outcome: a second is a conflict unless it is a correction
            "ATTENDED, -, NO_SHOW, -, false, past, 409 outcome",
            // the same outcome again changes nothing (a retry; attendance entered after the answers made it one)
            "NO_SHOW, -, NO_SHOW, -, false, past, UNCHANGED",
            "ATTENDED, -, ATTENDED, -, false, past, UNCHANGED",
            "CANCELLED_BY_CLIENT, true, CANCELLED_BY_CLIENT, false, false, past, 409 outcome",
            "ATTENDED, -, NO_SHOW, -, true, past, CORRECTION of ATTENDED",
            "CANCELLED_BY_CLIENT, true, CANCELLED_BY_CLIENT, false, true, past, CORRECTION of CANCELLED_BY_CLIENT",
            "NO_SHOW, -, NO_SHOW, -, true, past, 409 outcome",
            "-, -, ATTENDED, -, true, past, 409 correction",
            // late belongs to a client's cancellation only
            "-, -, CANCELLED_BY_CLIENT, -, false, past, 400 late",
            "-, -, ATTENDED, true, false, past, 400 late",
            "-, -, CANCELLED_BY_CLINIC, false, false, past, 400 late",
            // nobody attends or misses a session that has not begun
            "-, -, ATTENDED, -, false, future, 422 outcome",
            "-, -, NO_SHOW, -, false, future, 422 outcome",
    })
    void oneOutcomePerSessionCorrectionsExplicit(Outcome current, Boolean currentLate, Outcome requested,
            Boolean late, boolean correction, String when, String expected) {
        AttendanceRules.Decision decision = AttendanceRules.decide(Optional.ofNullable(current), currentLate,
                requested, late, correction, "past".equals(when) ? PAST : FUTURE, NOW, false);

        assertEquals(expected, named(decision));
    }

    private static String named(AttendanceRules.Decision decision) {
        return decision instanceof AttendanceRules.Correction c ? "CORRECTION of " + c.previous()
                : decision instanceof AttendanceRules.Refused r ? r.status() + " " + r.field()
                : decision instanceof AttendanceRules.Unchanged ? "UNCHANGED" : "FIRST";
    }

    @ParameterizedTest(name = "{0} then {1} (correction {2}), feedback recorded -> {3}")
    @CsvSource(nullValues = "-", value = {
            // a session the client rated took place: attended, never missed or cancelled
            "-, ATTENDED, false, FIRST",
            "ATTENDED, ATTENDED, false, UNCHANGED",
            "-, NO_SHOW, false, 409 outcome",
            "-, CANCELLED_BY_CLINIC, false, 409 outcome",
            "ATTENDED, NO_SHOW, true, 409 outcome",
            "ATTENDED, CANCELLED_BY_CLINIC, true, 409 outcome",
            // (ATTENDED corrected to ATTENDED is a 409 without feedback too: not a row that tells this rule apart)
    })
    void aSessionWithFeedbackTookPlace(Outcome current, Outcome requested, boolean correction, String expected) {
        AttendanceRules.Decision decision = AttendanceRules.decide(Optional.ofNullable(current), null, requested,
                null, correction, PAST, NOW, true);

        assertEquals(expected, named(decision));
    }
}
