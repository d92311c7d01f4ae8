package org.alliancepulse.analytics.course;

import java.util.List;

/**
 * A course's sessions sorted by what was observed, as the dropout-risk score and the dyad's summary both read them:
 * the recorded ones (not those still ahead), the attended ones, the alliance indices of the scored ones and the ORS
 * totals given, each in course order.
 */
public record ObservedSessions(List<SessionObservation> recorded, List<SessionObservation> attended,
        List<Double> indices, List<Double> ors) {

    public static ObservedSessions of(List<SessionObservation> sessions) {
        List<SessionObservation> recorded = sessions.stream()
                .filter(s -> s.attendance() != Attendance.NOT_RECORDED).toList();
        List<SessionObservation> attended = recorded.stream()
                .filter(s -> s.attendance() == Attendance.ATTENDED).toList();
        return new ObservedSessions(recorded, attended,
                attended.stream().filter(SessionObservation::scored).map(s -> s.alliance().index()).toList(),
                attended.stream().filter(s -> s.orsTotal() != null).map(SessionObservation::orsTotal).toList());
    }
}
