package org.alliancepulse.analytics.rules;

import java.util.Collection;

import org.alliancepulse.analytics.course.AllianceMeasure;

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

    /** One dyad's aggregates of its index and of each pillar, as one measure after another adds to them. */
    public record DyadAggregates(DyadAggregate index, DyadAggregate bond, DyadAggregate goals, DyadAggregate tasks) {

        public static final DyadAggregates EMPTY = new DyadAggregates(DyadAggregate.EMPTY, DyadAggregate.EMPTY,
                DyadAggregate.EMPTY, DyadAggregate.EMPTY);

        public DyadAggregates plus(AllianceMeasure m) {
            return new DyadAggregates(index.plus(m.index()), bond.plus(m.bond()), goals.plus(m.goals()),
                    tasks.plus(m.tasks()));
        }
    }

    /**
     * The network SDs a course is judged with: the index's, and each pillar's (the same pooling over the pillar's own
     * series). A pillar SD is NaN where none is known (the prior is in use, or a snapshot from before pillars were
     * pooled); then no pillar opens a rupture on its own.
     */
    public record Spread(double index, double bond, double goals, double tasks) {

        /** The index SD alone, no pillar SDs. */
        public static Spread indexOnly(double index) {
            return new Spread(index, Double.NaN, Double.NaN, Double.NaN);
        }

        public double of(Pillar pillar) {
            return switch (pillar) {
                case BOND -> bond;
                case GOALS -> goals;
                case TASKS -> tasks;
            };
        }
    }

    /**
     * What a network's dyads pool to: how many dyads have two or more scored sessions, their summed squared
     * deviations from their own means (of the index, and of each pillar; NaN where a pillar was not pooled), and the
     * summed degrees of freedom (n - 1). The service keeps one per month of event time; the rules turn it into SDs
     * with {@link #sd(ClinicalThresholds)} and {@link #spread(ClinicalThresholds)}.
     */
    public record Pooled(long dyads, double squares, long degreesOfFreedom, double bondSquares, double goalsSquares,
            double tasksSquares) {

        /** No dyad pooled yet: the prior applies. */
        public static final Pooled NONE = new Pooled(0, 0, 0);

        public Pooled {
            if (dyads < 0 || squares < 0 || degreesOfFreedom < 0 || bondSquares < 0 || goalsSquares < 0
                    || tasksSquares < 0) {
                throw new IllegalArgumentException("pooled figures must not be negative");
            }
        }

        /** The index alone (pillars not pooled). */
        public Pooled(long dyads, double squares, long degreesOfFreedom) {
            this(dyads, squares, degreesOfFreedom, Double.NaN, Double.NaN, Double.NaN);
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

        /** The index and the three pillars pooled. */
        public static Pooled ofMeasures(Collection<DyadAggregates> aggregates) {
            long dyads = 0;
            double[] squares = new double[4];
            long degreesOfFreedom = 0;
            for (DyadAggregates dyad : aggregates) {
                if (dyad.index().n() >= 2) {
                    dyads++;
                    squares[0] += dyad.index().sumSquaredDeviations();
                    squares[1] += dyad.bond().sumSquaredDeviations();
                    squares[2] += dyad.goals().sumSquaredDeviations();
                    squares[3] += dyad.tasks().sumSquaredDeviations();
                    degreesOfFreedom += dyad.index().n() - 1;
                }
            }
            return new Pooled(dyads, squares[0], degreesOfFreedom, squares[1], squares[2], squares[3]);
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
            return priorApplies(thresholds) ? thresholds.networkSdPrior() : pooledSd();
        }

        /** The index SD as {@link #sd}, with the pillars' pooled SDs once the pooled index SD is used. */
        public Spread spread(ClinicalThresholds thresholds) {
            if (priorApplies(thresholds)) {
                return Spread.indexOnly(thresholds.networkSdPrior());
            }
            return new Spread(pooledSd(), Math.sqrt(bondSquares / degreesOfFreedom),
                    Math.sqrt(goalsSquares / degreesOfFreedom), Math.sqrt(tasksSquares / degreesOfFreedom));
        }

        private boolean priorApplies(ClinicalThresholds thresholds) {
            return dyads < thresholds.networkSdMinDyads() || degreesOfFreedom == 0;
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
