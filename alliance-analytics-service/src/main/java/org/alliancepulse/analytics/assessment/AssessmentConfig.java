package org.alliancepulse.analytics.assessment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service applies the clinical rules (the rules' own thresholds are {@code alliance-pulse.rules.*}). */
@ConfigMapping(prefix = "alliance-pulse.assessment")
public interface AssessmentConfig {

    /** How long the pooled network SD is reused before it is read again from every dyad's aggregate. */
    @WithDefault("PT1M")
    Duration networkSdRefresh();
}
