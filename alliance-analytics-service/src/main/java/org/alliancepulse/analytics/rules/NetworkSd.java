package org.alliancepulse.analytics.rules;

import java.util.Collection;

/**
 * The network SD of the rupture rule: the typical session-to-session SD of the alliance index within a dyad, pooled
 * over all dyads, sqrt(sum of squared deviations / sum of (n - 1)). Not the SD of all scores across dyads, which is
 * dominated by differences between dyads and would hide most ruptures (CLINICAL.md).
 */
public final class NetworkSd {

    private NetworkSd() {
    }

    /**
     * One dyad's running aggregate of its index series (Welford): count, mean and sum of squared deviations from the
     * mean. Kept per dyad by the service and updated in O(1) per scored session.
     */
    public record DyadAggregate(long n, double mean, double sumSquaredDeviations) {

        public static final DyadAggregate EMPTY = new DyadAggregate(0, 0, 0);

        public DyadAggregate {
            if (n < 0 || sumSquaredDeviations < 0) {
                throw new IllegalArgumentException("n and the sum of squared deviations must not be negative");
            }
        }

        public static DyadAggregate of(double... values) {
            DyadAggregate aggregate = EMPTY;
            for (double value : values) {
                aggregate = aggregate.plus(value);
            }
            return aggregate;
        }

        /** Welford's update: numerically stable where sum-of-squares minus square-of-sum is not. */
        public DyadAggregate plus(double value) {
            long next = n + 1;
            double delta = value - mean;
            double nextMean = mean + delta / next;
            return new DyadAggregate(next, nextMean, sumSquaredDeviations + delta * (value - nextMean));
        }
    }

    /** The pooled within-dyad SD; NaN when no dyad has two values. */
    public static double pooled(Collection<DyadAggregate> dyads) {
        double squares = 0;
        long degreesOfFreedom = 0;
        for (DyadAggregate dyad : dyads) {
            if (dyad.n() >= 2) {
                squares += dyad.sumSquaredDeviations();
                degreesOfFreedom += dyad.n() - 1;
            }
        }
        return degreesOfFreedom == 0 ? Double.NaN : Math.sqrt(squares / degreesOfFreedom);
    }

    /**
     * The network SD the rules use: the pooled SD once at least {@code networkSdMinDyads} dyads have two or more
     * scored sessions, else the configured prior.
     */
    public static double forRules(Collection<DyadAggregate> dyads, ClinicalThresholds thresholds) {
        long pooledDyads = dyads.stream().filter(d -> d.n() >= 2).count();
        return pooledDyads < thresholds.networkSdMinDyads() ? thresholds.networkSdPrior() : pooled(dyads);
    }
}
