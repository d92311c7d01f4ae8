package org.alliancepulse.analytics.rules;

import java.util.ArrayList;
import java.util.List;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * Runs every rule over a dyad's whole course. Pure and recomputed from the course, so the order events arrived in,
 * corrections and replays do not change the answer.
 */
public final class CourseAssessment {

    private CourseAssessment() {
    }

    /**
     * One assessment per session, in course order, with the index's network SD alone (no pillar SDs).
     *
     * @param networkSd the network session-to-session SD of the index ({@link NetworkSd#forRules})
     */
    public static List<SessionAssessment> assess(DyadCourse course, double networkSd, ClinicalThresholds t) {
        return assess(course, NetworkSd.Spread.indexOnly(networkSd), t);
    }

    /**
     * One assessment per session, in course order.
     *
     * @param spread the network session-to-session SDs of the index and the pillars ({@link NetworkSd.Pooled#spread})
     */
    public static List<SessionAssessment> assess(DyadCourse course, NetworkSd.Spread spread, ClinicalThresholds t) {
        List<SessionObservation> sessions = course.sessions();
        List<RuptureStatus> ruptures = Ruptures.track(course, spread, t);
        List<Boolean> fit = FitConcern.track(course, ruptures, t);
        List<SessionAssessment> assessments = new ArrayList<>(sessions.size());
        DropoutRisk.Score risk = null;
        for (int i = 0; i < sessions.size(); i++) {
            SessionObservation session = sessions.get(i);
            if (session.attendance() != Attendance.NOT_RECORDED || risk == null) {
                risk = DropoutRisk.score(sessions.subList(0, i + 1), ruptures.get(i), t);
            }
            assessments.add(new SessionAssessment(session.ref(), session.attendance(),
                    session.scored() ? session.alliance().index() : Double.NaN,
                    LowAllianceFlag.applies(session.alliance(), t), ruptures.get(i), fit.get(i), risk));
        }
        return assessments;
    }
}
