package org.alliancepulse.analytics.metrics;

import java.util.List;

/**
 * The counts the metrics are made of, per unit (a clinic, a therapist) and for the whole scope. Every one of them is
 * subject to small-cell suppression, also those shown only through a rate or a mean: a rate and its denominator give
 * its numerator away, so the numerator is protected as a count. Some counts are the sum of others in the same row
 * ({@link #parts()}): those relations are protected too.
 */
enum Count {
    ACTIVE_CLIENTS,
    SESSIONS_ATTENDED,
    ATTENDED_WITH_FEEDBACK,
    ATTENDED_WITHOUT_FEEDBACK,
    INTAKE_ORS,
    SRS_GIVEN,
    SRS_BELOW_36,
    SRS_36_OR_MORE,
    SCORED_SESSIONS,
    RUPTURES,
    RUPTURES_DECIDED,
    RUPTURES_REPAIRED_WITHIN_6,
    RUPTURES_NOT_REPAIRED_WITHIN_6,
    ENDINGS,
    DROPOUTS,
    OTHER_ENDINGS,
    ENDINGS_WITH_TWO_ORS,
    RELIABLY_IMPROVED,
    NOT_RELIABLY_IMPROVED,
    ALERTS,
    RUPTURE_ALERTS,
    UNRESOLVED_RUPTURE_ALERTS,
    FIT_CONCERN_ALERTS,
    DROPOUT_RISK_ALERTS,
    OTHER_ALERTS,
    ALERTS_ACKNOWLEDGED,
    THERAPIST_WEEKS;

    /** The counts this one is the sum of, in the same row; empty when none. */
    List<Count> parts() {
        return switch (this) {
            case SESSIONS_ATTENDED -> List.of(ATTENDED_WITH_FEEDBACK, ATTENDED_WITHOUT_FEEDBACK);
            case SRS_GIVEN -> List.of(SRS_BELOW_36, SRS_36_OR_MORE);
            case RUPTURES_DECIDED -> List.of(RUPTURES_REPAIRED_WITHIN_6, RUPTURES_NOT_REPAIRED_WITHIN_6);
            case ENDINGS -> List.of(DROPOUTS, OTHER_ENDINGS);
            case ENDINGS_WITH_TWO_ORS -> List.of(RELIABLY_IMPROVED, NOT_RELIABLY_IMPROVED);
            case ALERTS -> List.of(RUPTURE_ALERTS, UNRESOLVED_RUPTURE_ALERTS, FIT_CONCERN_ALERTS, DROPOUT_RISK_ALERTS,
                    OTHER_ALERTS);
            default -> List.of();
        };
    }
}
