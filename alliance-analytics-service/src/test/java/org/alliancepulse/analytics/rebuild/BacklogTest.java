package org.alliancepulse.analytics.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a start far behind rebuilds rather than catches up: enough waiting, and enough of all there is. */
class BacklogTest {

    @ParameterizedTest(name = "{0} of {1} waiting, above {2}, share {3}: rebuild {4}")
    @CsvSource({
            // waiting, total, above, share, rebuild?
            "1000000, 1000000, 100000, 0.25, true",  // a network joining with its history: nothing consumed yet
            "100000,  400000,  100000, 0.25, true",  // both boundaries exactly
            "99999,   400000,  100000, 0.25, false", // one short of enough
            "100000,  400001,  100000, 0.25, false", // not a quarter of all: catching up reads less
            "5000000, 90000000, 100000, 0.25, false", // a day behind a big history: catch up
            "0,       0,       100000, 0.25, false", // nothing at all
            "1000000, 1000000, 0,      0.25, false", // 0 switches it off
            "1,       1,       1,      0.0,  true"})
    void decides(long waiting, long total, long above, double share, boolean rebuild) {
        assertEquals(rebuild, new Backlog(waiting, total).worthARebuild(above, share));
    }
}
