package org.alliancepulse.analytics.rules;

import org.alliancepulse.analytics.course.AllianceMeasure;

/**
 * LOW_ALLIANCE: an SRS total below the low cut-off (36; OpenFIT, PCOMS practice). A flag shown on the session, not an
 * alert: SRS totals cluster at 36-40, so a total below 36 on its own is common and says "ask about it".
 */
public final class LowAllianceFlag {

    private LowAllianceFlag() {
    }

    /** False when no measure was given or the measure was not an SRS (the cut-off is defined on the SRS). */
    public static boolean applies(AllianceMeasure measure, ClinicalThresholds t) {
        return measure != null && measure.srsTotal() != null && measure.srsTotal() < t.lowSrsTotal();
    }
}
