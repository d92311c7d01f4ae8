package org.alliancepulse.analytics.rules;

import java.util.List;

/**
 * The rupture rule's verdict at one session.
 *
 * @param onset            this session opened the rupture
 * @param early            the rupture was found by the warm-up rule (a drop from the previous session)
 * @param pillars          the pillar(s) that fell at onset, largest fall first; empty when no rupture or watch
 * @param preRuptureMean   the baseline a repair must reach; NaN when no rupture is open or closing
 * @param onsetNumber      the session number of the onset; 0 when none
 * @param scoredSinceOnset scored sessions after the onset so far
 * @param dropInSd         at the latest scored session, how many prediction SDs (see {@link Ruptures}) the index lay
 *                         below the dyad's running mean (negative when above; NaN during warm-up or before any score)
 */
public record RuptureStatus(RuptureState state, boolean onset, boolean early, List<Pillar> pillars,
        double preRuptureMean, int onsetNumber, int scoredSinceOnset, double dropInSd) {

    public RuptureStatus {
        pillars = List.copyOf(pillars);
    }

    static RuptureStatus none(double dropInSd) {
        return new RuptureStatus(RuptureState.NONE, false, false, List.of(), Double.NaN, 0, 0, dropInSd);
    }

    /** An open rupture: RUPTURE within the repair window, UNRESOLVED after it. */
    public boolean open() {
        return state == RuptureState.RUPTURE || state == RuptureState.UNRESOLVED;
    }
}
