package org.alliancepulse.analytics.rules;

/** What a therapist is alerted to. WATCH and LOW_ALLIANCE are shown on the session, never alerted. */
public enum AlertKind {
    RUPTURE, UNRESOLVED_RUPTURE, FIT_CONCERN, DROPOUT_RISK
}
