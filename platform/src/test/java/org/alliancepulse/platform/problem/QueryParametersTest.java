package org.alliancepulse.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one way search endpoints read a date filter: a day in the years a session may lie in, or a 400 naming it. */
class QueryParametersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "1900-01-01", "2026-11-29", "' 2025-03-31 '", "2999-12-31" })
    void aDayInTheYearsSessionsMayLieInIsTaken(String value) {
        assertEquals(Optional.of(LocalDate.parse(value.trim())), QueryParameters.date("from", value));
    }

    /** -999999999 reached the database and came back as its refusal; 0000 was taken (outside probe). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "1899-12-31", "0000-01-01", "-999999999-01-01", "3000-01-01", "+999999999-12-31",
            "2026-02-30", "29.11.2026", "" })
    void anythingElseIsA400NamingTheField(String value) {
        ProblemException refused = assertThrows(ProblemException.class, () -> QueryParameters.date("from", value));
        assertEquals(400, refused.problem().status());
        assertEquals("from", refused.problem().violations().get(0).field());
    }
}
