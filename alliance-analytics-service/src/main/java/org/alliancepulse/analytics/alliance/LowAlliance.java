package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The walking-skeleton rule: an SRS total below the configured cut-off (36) raises a LOW_ALLIANCE alert. The full
 * rupture, repair, fit and dropout-risk rules of CLINICAL.md replace it in the analytics work; until then it proves
 * the path from a client's rating to the therapist's inbox.
 */
public final class LowAlliance {

    public static final String KIND = "LOW_ALLIANCE";

    private LowAlliance() {
    }

    /** @return the reason code when the measure is a low alliance */
    public static Optional<String> assess(String instrument, BigDecimal total, BigDecimal lowSrsTotal) {
        if ("SRS".equals(instrument) && total.compareTo(lowSrsTotal) < 0) {
            return Optional.of("SRS_TOTAL_BELOW_" + lowSrsTotal.stripTrailingZeros().toPlainString()
                    .replace('.', '_'));
        }
        return Optional.empty();
    }
}
