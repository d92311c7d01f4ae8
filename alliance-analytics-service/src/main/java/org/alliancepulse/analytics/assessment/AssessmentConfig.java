package org.alliancepulse.analytics.assessment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service applies the clinical rules (the rules' own thresholds are {@code alliance-pulse.rules.*}). */
@ConfigMapping(prefix = "alliance-pulse.assessment")
public interface AssessmentConfig {

    /**
     * How far back, in event time, a month's network SD pools sessions: the sessions scheduled in this span before
     * the first day of the month (a year by default, so the SD follows how the network's clients rate today).
     */
    @WithDefault("P365D")
    Duration networkSdLookback();
}
