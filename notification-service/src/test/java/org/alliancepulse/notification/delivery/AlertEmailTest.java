package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
        assertTrue(email.body().contains("a " + words + " alert (" + kind + ") for client C-7KQ3MZ"), email.body());
        assertTrue(email.body().contains("Thursday 26 November 2026 (2026-11-26)"), email.body());
        assertTrue(email.body().contains("https://pulse.example/alerts/42"), email.body());
        assertTrue(email.body().startsWith("Dear Dr Okafor,"), email.body());
    }

    @Test
    void theMessageIdNamesTheAlertSoEveryAttemptCarriesTheSameOne() {
        UUID alertId = UUID.fromString("7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b");
        assertEquals("<alert-7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b@alliancepulse>", AlertEmail.messageId(alertId));
    }
}
