package org.alliancepulse.analytics.course;

/** What happened at a scheduled session, as the clinic recorded it. */
public enum Attendance {
    /** Scheduled; nothing recorded yet. */
    NOT_RECORDED,
    ATTENDED,
    NO_SHOW,
    CANCELLED_BY_CLIENT,
    CANCELLED_BY_CLINIC
}
