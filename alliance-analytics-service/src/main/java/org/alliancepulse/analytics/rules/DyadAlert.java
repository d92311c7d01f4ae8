package org.alliancepulse.analytics.rules;

import java.time.Instant;
import java.util.List;

import org.alliancepulse.analytics.course.SessionRef;

/**
 * One alert of a dyad from raise to resolution, as the service stores it: keyed by dyad, kind and the session it was
 * raised at, so recomputing the decisions finds the alerts already stored.
 *
 * @param resolvedAt null (with {@code resolvedSession} and {@code resolution}) while open
 */
public record DyadAlert(AlertKind kind, SessionRef raisedSession, Instant raisedAt, List<String> reasons,
        SessionRef resolvedSession, Instant resolvedAt, Resolution resolution) {

    public DyadAlert {
        reasons = List.copyOf(reasons);
    }

    public boolean open() {
        return resolution == null;
    }

    /**
     * Whether another alert of the dyad is about the same concern: the same kind, open at some time this one was
     * (boundaries included). A what-if compares alerts so: looser settings raising a dyad's dropout risk one session
     * earlier raise the alert the live settings raised, earlier, not another one (outside probe).
     */
    public boolean sameConcernAs(DyadAlert other) {
        return other.kind == kind && !raisedAt.isAfter(other.until()) && !other.raisedAt.isAfter(until());
    }

    private Instant until() {
        return open() ? Instant.MAX : resolvedAt;
    }
}
