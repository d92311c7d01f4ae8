package org.alliancepulse.analytics.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The network metrics (CLINICAL.md, "Metrics for administrators"). */
@ConfigMapping(prefix = "alliance-pulse.metrics")
public interface MetricsConfig {

    /** Counts from 1 to this are suppressed, with whatever else would let them be worked out (CLINICAL.md: 10). */
    @WithDefault("10")
    int smallCellThreshold();

    /** The period when a request names none: this many days up to and including today (UTC). */
    @WithDefault("365")
    int defaultPeriodDays();
}
