package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** CLINICAL.md: k = 2, 3 scored sessions in a row below 75, dropout risk raised at 0.5 and cleared below 0.35. */
    @Test
    void theDefaultsAreClinicalMds() {
        ClinicalThresholds d = ClinicalThresholds.defaults();

        assertEquals(2, d.kRupture());
        assertEquals(3, d.fitRunScoredSessions());
        assertEquals(3, d.fitWindowScoredSessions());
        assertEquals(0.5, d.riskRaise());
        assertEquals(0.35, d.riskClear());
        assertEquals(-1.7, d.risk().intercept());
        assertEquals(0.7, d.risk().latestNoShow());
        assertEquals(5, d.ruptureMinDropIndex());
        assertEquals(2.5, d.kPillarRupture());
    }

    /** The alternatives docs/clinical-rules.md documents, with their measured figures, are plain configuration. */
    @Test
    void theDocumentedAlternativesAreConfiguration() {
        ClinicalThresholds t = config(Map.of("alliance-pulse.rules.k-rupture", "2.25",
                "alliance-pulse.rules.fit-window-scored-sessions", "4", "alliance-pulse.rules.risk.intercept", "-2.55",
                "alliance-pulse.rules.risk-raise", "0.3", "alliance-pulse.rules.risk-clear", "0.2")).thresholds();

        assertEquals(2.25, t.kRupture());
        assertEquals(4, t.fitWindowScoredSessions());
        assertEquals(-2.55, t.risk().intercept());
        assertEquals(0.3, t.riskRaise());
        assertEquals(0.2, t.riskClear());
    }

    @Test
    void everyThresholdIsConfiguration() {
        RulesConfig config = config(Map.of("alliance-pulse.rules.k-rupture", "2.5",
                "alliance-pulse.rules.cooldown-days", "28", "alliance-pulse.rules.risk.intercept", "-1.1",
                "alliance-pulse.rules.risk.latest-no-show", "0.9"));

        assertEquals(2.5, config.thresholds().kRupture());
        assertEquals(28, config.thresholds().cooldownDays());
        assertEquals(-1.1, config.thresholds().risk().intercept());
        assertEquals(0.9, config.thresholds().risk().latestNoShow());
    }

    @Test
    void theSettingsAddedLaterAreConfigurationToo() {
        RulesConfig config = config(Map.of("alliance-pulse.rules.rupture-min-drop-index", "7.5",
                "alliance-pulse.rules.fit-window-scored-sessions", "5", "alliance-pulse.rules.k-pillar-rupture", "0"));

        assertEquals(7.5, config.thresholds().ruptureMinDropIndex());
        assertEquals(5, config.thresholds().fitWindowScoredSessions());
        assertEquals(0, config.thresholds().kPillarRupture());
    }

    @Test
    void theOldConstructorGivesTheAddedSettingsTheirDefaults() {
        ClinicalThresholds d = ClinicalThresholds.defaults();
        ClinicalThresholds old = new ClinicalThresholds(d.lowSrsTotal(), d.warmUpScoredSessions(), d.kWatch(),
                d.kRupture(), d.earlyDropIndex(), d.repairWindowScoredSessions(), d.fitIndex(),
                d.fitRunScoredSessions(), d.fitFromSession(), d.networkSdPrior(), d.networkSdMinDyads(),
                d.orsReliableChange(), d.orsCutoff(), d.orsImprovementBySession(), d.riskRaise(), d.riskClear(),
                d.cooldownDays(), d.risk());

        assertEquals(d, old);
    }

    @Test
    void aFitWindowShorterThanTheRunIsRefused() {
        ClinicalThresholds d = ClinicalThresholds.defaults();

        assertThrows(IllegalArgumentException.class, () -> new ClinicalThresholds(d.lowSrsTotal(),
                d.warmUpScoredSessions(), d.kWatch(), d.kRupture(), d.earlyDropIndex(),
                d.repairWindowScoredSessions(), d.fitIndex(), d.fitRunScoredSessions(), d.fitFromSession(),
                d.networkSdPrior(), d.networkSdMinDyads(), d.orsReliableChange(), d.orsCutoff(),
                d.orsImprovementBySession(), d.riskRaise(), d.riskClear(), d.cooldownDays(), d.risk(),
                d.ruptureMinDropIndex(), d.fitRunScoredSessions() - 1));
    }

    private static RulesConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(RulesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(RulesConfig.class);
    }
}
