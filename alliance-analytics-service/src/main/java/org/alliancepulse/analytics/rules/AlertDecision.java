package org.alliancepulse.analytics.rules;

import java.time.Instant;
import java.util.List;

import org.alliancepulse.analytics.course.SessionRef;

/**
 * An alert raised or resolved, dated at the session it happened at (event time), so replaying last year's events
 * gives last year's alerts.
 *
 * @param at         the event time: the session's scheduled time, or the episode ending's time
 * @param resolution null when raised
 * @param reasons    when raised: the pillars that fell (RUPTURE, UNRESOLVED_RUPTURE), the low indices (FIT_CONCERN)
 *                   or the top factors (DROPOUT_RISK), in the clinic's words
 */
public record AlertDecision(AlertKind kind, Action action, SessionRef session, Instant at, Resolution resolution,
        List<String> reasons) {

    public enum Action {
        RAISED, RESOLVED
    }

    public AlertDecision {
        reasons = List.copyOf(reasons);
    }
}
