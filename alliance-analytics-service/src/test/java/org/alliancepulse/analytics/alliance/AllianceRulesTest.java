package org.alliancepulse.analytics.alliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllianceRulesTest {

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

    @ParameterizedTest(name = "{0} total {1} with cut-off {2} -> {3}")
    @CsvSource({
            "SRS, 35.9, 36, SRS_TOTAL_BELOW_36",
            "SRS, 30.5, 36, SRS_TOTAL_BELOW_36",
            "SRS, 36, 36, ''",
            "SRS, 40, 36, ''",
            "SRS, 29, 30, SRS_TOTAL_BELOW_30",
            "SRS, 32, 32.5, SRS_TOTAL_BELOW_32_5",
            "WAI-SR, 20, 36, ''",
            "ORS, 10, 36, ''",
    })
    void lowAllianceIsAnSrsTotalBelowTheCutOff(String instrument, BigDecimal total, BigDecimal cutOff,
            String reason) {
        Optional<String> expected = reason.isEmpty() ? Optional.empty() : Optional.of(reason);
        assertEquals(expected, LowAlliance.assess(instrument, total, cutOff));
    }
}
