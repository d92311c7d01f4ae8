package org.alliancepulse.analytics.rules;

import java.time.Instant;
import java.util.Objects;

/** The end of an episode of care or of the dyad (from intake events): resolves every open alert at that time. */
public record EpisodeEnding(Instant at, Resolution resolution) {

    public EpisodeEnding {
        Objects.requireNonNull(at, "at");
        if (resolution != Resolution.EPISODE_CLOSED && resolution != Resolution.REASSIGNED) {
            throw new IllegalArgumentException("an episode ends as EPISODE_CLOSED or REASSIGNED, not " + resolution);
        }
    }
}
