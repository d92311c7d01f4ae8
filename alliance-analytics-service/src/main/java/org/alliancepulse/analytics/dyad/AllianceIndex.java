package org.alliancepulse.analytics.dyad;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;

/**
 * Puts every alliance measure on one 0-100 scale so different instruments can share one series per dyad
 * (CLINICAL.md): SRS total x 2.5; WAI-SR (sum - 12) / 48 x 100. Outcome measures (ORS) have no alliance index.
 */
public final class AllianceIndex {

    private static final BigDecimal SRS_FACTOR = new BigDecimal("2.5");
    private static final BigDecimal WAI_SR_MIN = BigDecimal.valueOf(12);
    private static final BigDecimal WAI_SR_SPAN = BigDecimal.valueOf(48);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AllianceIndex() {
    }

    /** The event's own index (an organisation's instrument brings it), else the built-in formula's; null for outcome. */
    public static BigDecimal indexOf(FeedbackSubmitted feedback) {
        return feedback.allianceIndex() != null ? feedback.allianceIndex()
                : of(feedback.instrument(), feedback.total()).orElse(null);
    }

    public static BigDecimal indexOf(FeedbackCorrected corrected) {
        return corrected.allianceIndex() != null ? corrected.allianceIndex()
                : of(corrected.instrument(), corrected.total()).orElse(null);
    }

    public static Optional<BigDecimal> of(String instrument, BigDecimal total) {
        return switch (instrument) {
            case "SRS" -> Optional.of(total.multiply(SRS_FACTOR).setScale(2, RoundingMode.HALF_UP));
            case "WAI-SR" -> Optional.of(total.subtract(WAI_SR_MIN).multiply(HUNDRED)
                    .divide(WAI_SR_SPAN, 2, RoundingMode.HALF_UP));
            default -> Optional.empty();
        };
    }
}
