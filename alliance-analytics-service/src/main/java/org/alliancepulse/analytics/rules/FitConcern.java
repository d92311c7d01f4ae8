package org.alliancepulse.analytics.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.alliancepulse.analytics.course.DyadCourse;
import org.alliancepulse.analytics.course.SessionObservation;

/**
 * FIT_CONCERN, the "time to move on" case (CLINICAL.md): the index below fitIndex (75 = SRS 30) at fitRun of the last
 * fitWindow scored sessions, counting from session fitFrom on. The default window equals the run, CLINICAL.md's "3 in
 * a row"; a window of 4 (3 of the last 4) is a documented alternative, robust to one noisy high score, which otherwise
 * restarts the count (measured: docs/clinical-rules.md). It is told
 * apart from an unrepaired rupture by the rupture rule: while a rupture from a baseline at or above fitIndex is open
 * (a fall from the dyad's own higher level) the low run belongs to the rupture and becomes UNRESOLVED_RUPTURE; a
 * dyad that is low without such a fall - never high, or low for longer than its baseline can remember - is a fit
 * concern. A rupture whose pre-rupture mean was itself below fitIndex does not hold it back: that dyad was low before
 * it fell, so it is both. Once raised it holds until
 * fitRun scored sessions in a row are back at or above fitIndex, so one good session does not clear it.
 */
public final class FitConcern {

    private FitConcern() {
    }

    /** Whether a fit concern holds at each session of the course, given the rupture rule's statuses. */
    public static List<Boolean> track(DyadCourse course, List<RuptureStatus> ruptures, ClinicalThresholds t) {
        List<Boolean> concern = new ArrayList<>(course.sessions().size());
        Deque<Boolean> window = new ArrayDeque<>();
        int goodRun = 0;
        boolean active = false;
        for (int i = 0; i < course.sessions().size(); i++) {
            SessionObservation session = course.sessions().get(i);
            if (session.scored() && session.number() >= t.fitFromSession()) {
                boolean low = session.alliance().index() < t.fitIndex();
                window.addLast(low);
                if (window.size() > t.fitWindowScoredSessions()) {
                    window.removeFirst();
                }
                goodRun = low ? 0 : goodRun + 1;
                long lows = window.stream().filter(Boolean::booleanValue).count();
                if (!active && low && lows >= t.fitRunScoredSessions() && !fallFromFit(ruptures.get(i), t)) {
                    active = true;
                } else if (active && goodRun >= t.fitRunScoredSessions()) {
                    active = false;
                }
            }
            concern.add(active);
        }
        return concern;
    }

    /** An open rupture that fell from a level at or above fitIndex: the low run is the rupture's, not a fit concern. */
    private static boolean fallFromFit(RuptureStatus rupture, ClinicalThresholds t) {
        return rupture.open() && rupture.preRuptureMean() >= t.fitIndex();
    }
}
