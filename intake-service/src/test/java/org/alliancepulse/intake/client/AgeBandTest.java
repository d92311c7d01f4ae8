package org.alliancepulse.intake.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest(name = "born {0} -> {1}")
    @CsvSource({
            "2026-11-25, under-18",
            "2008-11-27, under-18",   // one day short of 18
            "2008-11-26, 18-25",      // 18th birthday today
            "2000-11-26, 26-35",
            "1991-11-27, 26-35",      // 34, turns 35 tomorrow
            "1990-11-26, 36-45",
            "1980-11-27, 36-45",
            "1980-11-26, 46-55",
            "1970-11-26, 56-65",
            "1960-11-26, over-65",    // 66 today
            "1960-11-27, 56-65",
            "1950-01-01, over-65"
    })
    void bandsByCompletedYears(LocalDate born, String band) {
        assertEquals(band, AgeBand.of(born, TODAY));
    }

    @ParameterizedTest
    @CsvSource({ "2026-11-27", "2030-01-01" })
    void refusesBirthsInTheFuture(LocalDate born) {
        assertThrows(IllegalArgumentException.class, () -> AgeBand.of(born, TODAY));
    }
}
