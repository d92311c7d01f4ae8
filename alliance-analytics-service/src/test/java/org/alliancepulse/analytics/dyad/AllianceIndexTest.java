package org.alliancepulse.analytics.dyad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllianceIndexTest {

    @ParameterizedTest(name = "{0} total {1} -> index {2}")
    @CsvSource({
            "SRS, 40, 100.00",
            "SRS, 36, 90.00",
            "SRS, 30.5, 76.25",
            "SRS, 0, 0.00",
            "WAI-SR, 12, 0.00",
            "WAI-SR, 60, 100.00",
            "WAI-SR, 36, 50.00",
            "WAI-SR, 49, 77.08",
            "ORS, 30, ''",
    })
    void mapsEveryAllianceMeasureToOneScale(String instrument, BigDecimal total, String index) {
        Optional<BigDecimal> expected = index.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(index));
        assertEquals(expected, AllianceIndex.of(instrument, total));
    }
}
