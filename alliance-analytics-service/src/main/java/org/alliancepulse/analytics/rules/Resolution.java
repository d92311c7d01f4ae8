package org.alliancepulse.analytics.rules;

/** Why an alert was resolved. */
public enum Resolution {
    /** The index returned to at least the pre-rupture mean. */
    REPAIRED,
    /** The rupture was not repaired within the window: UNRESOLVED_RUPTURE takes over from RUPTURE. */
    ESCALATED,
    /** The index stayed at or above the fit index for as many scored sessions as raised the concern. */
    FIT_IMPROVED,
    /** The dropout risk fell below the clear threshold. */
    RISK_CLEARED,
    /** The episode of care was closed (from intake). */
    EPISODE_CLOSED,
    /** The client was reassigned to another therapist (from intake). */
    REASSIGNED
}
