package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertEmailTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "LOW_ALLIANCE, low alliance",
            "RUPTURE, alliance rupture",
            "UNRESOLVED_RUPTURE, unresolved rupture",
            "FIT_CONCERN, fit concern",
            "DROPOUT_RISK, dropout risk",
            "SOMETHING_NEW, something new",
    })
    void saysWhatKindOfAlertInTheClinicsWords(String kind, String words) {
        AlertEmail email = AlertEmail.compose(kind, "C-7KQ3MZ", LocalDate.of(2026, 11, 26),
                "https://pulse.example/alerts/42", "Dr Okafor");

        assertEquals("Alliance Pulse: " + words + " alert for client C-7KQ3MZ", email.subject());
        String article = "aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ";
        assertTrue(email.body().contains("raised " + article + words + " alert (" + kind + ") for client C-7KQ3MZ"),
                email.body());
        assertTrue(email.body().contains("Thursday 26 November 2026 (2026-11-26)"), email.body());
        assertTrue(email.body().contains("https://pulse.example/alerts/42"), email.body());
        assertTrue(email.body().startsWith("Dear Dr Okafor,"), email.body());
    }

    @Test
    void aRuptureSaysWhichPillarFellAndWhatToDoNextSession() {
        String body = AlertEmail.compose("RUPTURE", "C-7KQ3MZ", LocalDate.of(2026, 11, 26), "https://x/alerts/1",
                "Dr Okafor", List.of("BOND", "GOALS"), List.of()).body();
        assertTrue(body.contains("above all the bond (the relationship) and agreement on goals."), body);
        assertTrue(body.contains("At the next session: name what you noticed"), body);
    }

    @Test
    void aDropoutRiskNamesItsLargestFactorsInWordsWithoutNumbers() {
        String body = AlertEmail.compose("DROPOUT_RISK", "C-7KQ3MZ", LocalDate.of(2026, 11, 26), "https://x/alerts/1",
                "Dr Okafor", List.of(), List.of("EARLY_NO_SHOW", "LOW_ALLIANCE", "OVERDUE")).body();
        assertTrue(body.contains("mainly a missed session early in therapy, a low alliance so far and longer than "
                + "usual since the last session."), body);
        assertTrue(body.contains("Reach out before the next appointment"), body);
    }

    @ParameterizedTest(name = "{0}: guidance, and no digit but the date's")
    @CsvSource({ "RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN", "DROPOUT_RISK" })
    void everyKindSaysWhatItMeansAndCarriesNoNumberAboutTheClient(String kind) {
        List<String> allPillars = List.of("BOND", "GOALS", "TASKS");
        List<String> allFactors = List.of("EARLY_NO_SHOW", "RECENT_MISSED_SESSIONS", "LOW_ALLIANCE",
                "FALLING_ALLIANCE", "UNRESOLVED_RUPTURE", "NO_ORS_IMPROVEMENT", "ORS_DETERIORATION",
                "FEEDBACK_SKIPPED", "OVERDUE");
        AlertEmail email = AlertEmail.compose(kind, "C-ABCDEF", LocalDate.of(2026, 11, 26), "https://x/alerts/a",
                "Dr Okafor", allPillars, allFactors);
        String guidance = AlertEmail.guidance(kind, allPillars, allFactors);
        assertFalse(guidance.isBlank(), kind + " says what it means");
        assertTrue(email.body().contains(guidance), email.body());
        assertFalse(guidance.chars().anyMatch(Character::isDigit), "no number in the guidance: " + guidance);
        assertFalse(email.body().replace("2026-11-26", "").replace("26 November 2026", "").chars()
                .anyMatch(Character::isDigit), "no digit but the session date's: " + email.body());
        for (String name : allFactors) {
            assertFalse(email.body().contains(name) && !kind.equals(name), "factor names are put in words: " + name);
        }
    }

    @Test
    void theMessageIdNamesTheAlertSoEveryAttemptCarriesTheSameOne() {
        UUID alertId = UUID.fromString("7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b");
        assertEquals("<alert-7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b@alliancepulse>", AlertEmail.messageId(alertId));
    }
}
