package org.alliancepulse.analytics.assessment;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.NetworkSd;

/**
 * The network SD the rupture rule compares a drop with: the session-to-session SD of the alliance index within a
 * dyad, pooled over every dyad's running aggregate ({@link NetworkSd}), or the configured prior while fewer dyads
 * have two scored sessions. It moves slowly, so it is read from the database at most once per
 * {@link AssessmentConfig#networkSdRefresh()} rather than for every event; a replay of old events therefore uses
 * today's pooled SD (documented in the service README).
 */
@ApplicationScoped
public class NetworkSpread {

    @Inject
    EntityManager entityManager;

    @Inject
    AssessmentConfig config;

    private volatile Double cached;
    private volatile Instant readAt = Instant.EPOCH;

    public double current(ClinicalThresholds thresholds) {
        Double value = cached;
        if (value == null || Duration.between(readAt, Instant.now()).compareTo(config.networkSdRefresh()) > 0) {
            value = read(thresholds);
            cached = value;
            readAt = Instant.now();
        }
        return value;
    }

    /** Forgets the cached value: the next assessment reads the pooled SD afresh (after a rebuild, say). */
    public void refresh() {
        cached = null;
    }

    private double read(ClinicalThresholds thresholds) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), coalesce(sum(alliance_m2), 0), coalesce(sum(alliance_n - 1), 0)
                FROM dyad WHERE alliance_n >= 2
                """).getSingleResult();
        long dyads = ((Number) row[0]).longValue();
        double squares = ((Number) row[1]).doubleValue();
        long degreesOfFreedom = ((Number) row[2]).longValue();
        // as NetworkSd.forRules: the prior until enough dyads are pooled
        if (dyads < thresholds.networkSdMinDyads() || degreesOfFreedom == 0) {
            return thresholds.networkSdPrior();
        }
        return Math.sqrt(squares / degreesOfFreedom);
    }
}
