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

    /**
     * What a network's dyads pool to: how many dyads have two or more scored sessions, their summed squared
     * deviations from their own means, and the summed degrees of freedom (n - 1). The service keeps one per month
     * of event time; the rules turn it into an SD with {@link #sd(ClinicalThresholds)}.
     */
    public record Pooled(long dyads, double squares, long degreesOfFreedom) {

        /** No dyad pooled yet: the prior applies. */
        public static final Pooled NONE = new Pooled(0, 0, 0);

        public Pooled {
            if (dyads < 0 || squares < 0 || degreesOfFreedom < 0) {
                throw new IllegalArgumentException("pooled figures must not be negative");
            }
        }

        public static Pooled of(Collection<DyadAggregate> aggregates) {
            long dyads = 0;
            double squares = 0;
            long degreesOfFreedom = 0;
            for (DyadAggregate dyad : aggregates) {
                if (dyad.n() >= 2) {
                    dyads++;
                    squares += dyad.sumSquaredDeviations();
                    degreesOfFreedom += dyad.n() - 1;
                }
            }
            return new Pooled(dyads, squares, degreesOfFreedom);
        }

        /** The pooled within-dyad SD; NaN when no dyad has two values. */
        public double pooledSd() {
            return degreesOfFreedom == 0 ? Double.NaN : Math.sqrt(squares / degreesOfFreedom);
        }

        /**
         * The network SD the rules use: the pooled SD once at least {@code networkSdMinDyads} dyads have two or more
         * scored sessions, else the configured prior.
         */
        public double sd(ClinicalThresholds thresholds) {
            return dyads < thresholds.networkSdMinDyads() || degreesOfFreedom == 0 ? thresholds.networkSdPrior()
                    : pooledSd();
        }
    }

    /** The pooled within-dyad SD; NaN when no dyad has two values. */
    public static double pooled(Collection<DyadAggregate> dyads) {
        return Pooled.of(dyads).pooledSd();
    }

    /** {@link Pooled#sd} of these dyads. */
    public static double forRules(Collection<DyadAggregate> dyads, ClinicalThresholds thresholds) {
        return Pooled.of(dyads).sd(thresholds);
    }
}
