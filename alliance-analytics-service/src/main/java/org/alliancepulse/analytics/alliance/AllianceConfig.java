package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Clinical thresholds: configuration, so a clinic network can follow its own clinical governance. */
@ConfigMapping(prefix = "alliance-pulse.alliance")
public interface AllianceConfig {

    /**
     * An SRS total below this is a low alliance (PCOMS/OpenFIT practice: 36 of 40, since scores cluster at 36-40).
     */
    @WithDefault("36")
    BigDecimal lowSrsTotal();
}
