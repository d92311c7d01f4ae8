package org.alliancepulse.analytics.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Why an alert is raised at a session, as codes: the pillars that fell ({@code BOND_FELL}), an early drop, a rupture
 * not repaired in its window, low sessions in a row, the largest risk factors. One rule for a live alert and a
 * what-if's, so the two name the same alert alike.
 */
public final class AlertReasons {

    /** How many risk factors a DROPOUT_RISK alert names: those contributing most. */
    public static final int TOP_FACTORS = 3;

    private AlertReasons() {
    }

    public static List<String> of(AlertKind kind, SessionAssessment at) {
        List<String> reasons = new ArrayList<>();
        switch (kind) {
            case RUPTURE, UNRESOLVED_RUPTURE -> {
                at.rupture().pillars().forEach(p -> reasons.add(p.name() + "_FELL"));
                if (at.rupture().early()) {
                    reasons.add("EARLY_DROP_BELOW_CUTOFF");
                }
                if (kind == AlertKind.UNRESOLVED_RUPTURE) {
                    reasons.add("NOT_REPAIRED_IN_WINDOW");
                }
            }
            case FIT_CONCERN -> reasons.add("LOW_ALLIANCE_SESSIONS_IN_A_ROW");
            case DROPOUT_RISK -> at.risk().topFactors(TOP_FACTORS).forEach(c -> reasons.add(c.factor().name()));
        }
        return List.copyOf(reasons);
    }
}
