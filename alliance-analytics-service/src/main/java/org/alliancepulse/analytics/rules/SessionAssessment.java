package org.alliancepulse.analytics.rules;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.SessionRef;

/**
 * Everything the rules say about a dyad at one session.
 *
 * @param index        the alliance index given at this session; NaN when none
 * @param lowAlliance  the LOW_ALLIANCE flag (SRS total below the cut-off)
 * @param rupture      the rupture rule's verdict, with the pillars that fell
 * @param fitConcern   a fit concern holds
 * @param risk         the dropout-risk score at the session's event time; carried over unchanged from the previous
 *                     session for a session not recorded yet
 */
public record SessionAssessment(SessionRef session, Attendance attendance, double index, boolean lowAlliance,
        RuptureStatus rupture, boolean fitConcern, DropoutRisk.Score risk) {
}
