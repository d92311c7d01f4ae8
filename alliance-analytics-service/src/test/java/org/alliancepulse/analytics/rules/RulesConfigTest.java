package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class RulesConfigTest {

    @Test
    void itsDefaultsAreTheClinicalDefaults() {
        assertEquals(ClinicalThresholds.defaults(), config(Map.of()).thresholds());
    }

    @Test
    void everyThresholdIsConfiguration() {
        RulesConfig config = config(Map.of("alliance-pulse.rules.k-rupture", "2.5",
                "alliance-pulse.rules.cooldown-days", "28", "alliance-pulse.rules.risk.intercept", "-1.1"));

        assertEquals(2.5, config.thresholds().kRupture());
        assertEquals(28, config.thresholds().cooldownDays());
        assertEquals(-1.1, config.thresholds().risk().intercept());
    }

    private static RulesConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RulesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(RulesConfig.class);
    }
}
