package org.alliancepulse.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.alliancepulse.contracts.alliance.AlertResolved;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The day a resolution is told on: the resolving session's, or an ending's own day. */
class AlertResolvedDayTest {

    @ParameterizedTest(name = "{0} after the session of {1}, at {2}: {3}")
    @CsvSource({
            // a repair, a cleared risk: the session that resolved it
            "REPAIRED,       2026-11-22, 2026-11-22T14:00:00Z,        2026-11-22",
            "RISK_CLEARED,   2026-11-22, 2026-11-23T00:30:00Z,        2026-11-22",
            // a change of therapist from the 25th: that day, not the last session's
            "REASSIGNED,     2026-11-22, 2026-11-25T00:00:00Z,        2026-11-25",
            // an ending: the end of its day in UTC
            "EPISODE_CLOSED, 2026-08-28, 2026-11-29T23:59:59.999999Z, 2026-11-29",
            // ... or a session held on the end day in New York that lies later in UTC: its own date
            "EPISODE_CLOSED, 2026-03-10, 2026-03-11T00:30:00Z,        2026-03-10",
    })
    void theDayAResolutionIsToldOn(String resolution, LocalDate sessionDate, Instant occurredAt, LocalDate day) {
        assertEquals(day, AlertResolved.dayOf(resolution, sessionDate, occurredAt));
    }
}
