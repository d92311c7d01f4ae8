package org.alliancepulse.session.attendance;

/** What became of a session. Exactly one per session; a wrong one is corrected, never simply overwritten. */
public enum Outcome {
    ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT, CANCELLED_BY_CLINIC
}
