package org.alliancepulse.analytics.rules;

/** The factors of the dropout-risk model (CLINICAL.md), as an alert lists them. */
public enum RiskFactor {
    /** A no-show in sessions 1-3: the strongest early signal. Value 0 or 1. */
    EARLY_NO_SHOW,
    /** No-shows and late cancellations among the recent sessions, except a no-show counted as early. Value: count. */
    RECENT_MISSED_SESSIONS,
    /**
     * The session assessed - the latest recorded - was a no-show. Value 0 or 1. The most recent of the recent no-shows:
     * a client who is about to leave often misses a session first and then does not come back.
     */
    LATEST_NO_SHOW,
    /** The dyad's mean index so far below the low cut-off. Value: between-client SDs below it. */
    LOW_ALLIANCE,
    /** The latest index below the dyad's running mean. Value: SDs below it, as the rupture rule measures them. */
    FALLING_ALLIANCE,
    /** A rupture not repaired within the repair window. Value 0 or 1. */
    UNRESOLVED_RUPTURE,
    /** No reliable ORS improvement by the expected session, for a client who started below the cut-off. 0 or 1. */
    NO_ORS_IMPROVEMENT,
    /** ORS down by at least the reliable change since the first ORS. Value 0 or 1. */
    ORS_DETERIORATION,
    /**
     * No feedback at the last two attended sessions before the session assessed (whose own answers may still be on
     * their way). Value 0 or 1.
     */
    FEEDBACK_SKIPPED,
    /** Time since the last attended session beyond the dyad's usual interval. Value: usual intervals beyond it. */
    OVERDUE
}
