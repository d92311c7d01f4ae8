package org.alliancepulse.analytics.rules;

/** Where a dyad stands in the rupture-repair cycle at a session. */
public enum RuptureState {
    /** No rupture open, no notable fall. */
    NONE,
    /** A fall of at least kWatch SDs: shown to the therapist, not alerted. */
    WATCH,
    /** A rupture is open and still within the repair window. */
    RUPTURE,
    /** At this session the index returned to at least the pre-rupture mean: the rupture closed as repaired. */
    REPAIRED,
    /** A rupture not back at the pre-rupture mean within the repair window; still open. */
    UNRESOLVED
}
