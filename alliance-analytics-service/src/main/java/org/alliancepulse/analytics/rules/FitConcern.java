package org.alliancepulse.analytics.rules;

import java.util.ArrayList;
import java.util.List;

import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * FIT_CONCERN, the "time to move on" case (CLINICAL.md): the index below fitIndex (75 = SRS 30) at fitRun scored
 * sessions in a row, counting from session fitFrom on. It is told apart from an unrepaired rupture by the rupture
 * rule: while a rupture is open (a fall from the dyad's own higher baseline) the low run belongs to the rupture and
 * becomes UNRESOLVED_RUPTURE; a dyad that is low without such a fall - never high, or low for longer than its baseline
 * can remember - is a fit concern. Once raised it holds until fitRun scored sessions in a row are back at or above
 * fitIndex, so one good session does not clear it.
 */
public final class FitConcern {

    private FitConcern() {
    }

    /** Whether a fit concern holds at each session of the course, given the rupture rule's statuses. */
    public static List<Boolean> track(DyadCourse course, List<RuptureStatus> ruptures, ClinicalThresholds t) {
        List<Boolean> concern = new ArrayList<>(course.sessions().size());
        int lowRun = 0;
        int goodRun = 0;
        boolean active = false;
        for (int i = 0; i < course.sessions().size(); i++) {
            SessionObservation session = course.sessions().get(i);
            if (session.scored() && session.number() >= t.fitFromSession()) {
                if (session.alliance().index() < t.fitIndex()) {
                    lowRun++;
                    goodRun = 0;
                } else {
                    goodRun++;
                    lowRun = 0;
                }
                if (!active && lowRun >= t.fitRunScoredSessions() && !ruptures.get(i).open()) {
                    active = true;
                } else if (active && goodRun >= t.fitRunScoredSessions()) {
                    active = false;
                }
            }
            concern.add(active);
        }
        return concern;
    }
}
