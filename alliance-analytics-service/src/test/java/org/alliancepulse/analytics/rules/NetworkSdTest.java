package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkSdTest {

    @ParameterizedTest(name = "{0} -> n {1}, mean {2}, SS {3}")
    @CsvSource(delimiter = ';', value = {
            "90; 1; 90; 0",
            "90 100; 2; 95; 50",
            "80 90 100; 3; 90; 200",
            "92.5 92.5 92.5 92.5; 4; 92.5; 0",
    })
    void aggregatesADyadWelfordStyle(String values, long n, double mean, double squares) {
        NetworkSd.DyadAggregate aggregate = NetworkSd.DyadAggregate.of(numbers(values));

        assertEquals(n, aggregate.n());
        assertEquals(mean, aggregate.mean(), 1e-9);
        assertEquals(squares, aggregate.sumSquaredDeviations(), 1e-9);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // SS 50 and 50 over 1 + 1 degrees of freedom
            "90 100 | 60 70; 7.0710678",
            // a single-session dyad adds nothing
            "90 100 | 60 70 | 40; 7.0710678",
            // SS 200 (df 2) and 0 (df 1): sqrt(200 / 3)
            "80 90 100 | 50 50; 8.1649658",
    })
    void poolsWithinDyadSdsNotAllScores(String dyads, double pooled) {
        List<NetworkSd.DyadAggregate> aggregates = Arrays.stream(dyads.split("\\|"))
                .map(d -> NetworkSd.DyadAggregate.of(numbers(d))).toList();

        assertEquals(pooled, NetworkSd.pooled(aggregates), 1e-6);
    }

    @Test
    void differencesBetweenDyadsDoNotInflateIt() {
        // two steady dyads far apart: the SD of all scores is ~21, the within-dyad SD is 1
        List<NetworkSd.DyadAggregate> aggregates = List.of(NetworkSd.DyadAggregate.of(59, 60, 61),
                NetworkSd.DyadAggregate.of(89, 90, 91));

        assertEquals(1.0, NetworkSd.pooled(aggregates), 1e-9);
    }

    @Test
    void isStableForLongSeriesNearTheCeiling() {
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e9 + (i % 2 == 0 ? 1 : -1);
        }
        NetworkSd.DyadAggregate aggregate = NetworkSd.DyadAggregate.of(values);

        assertEquals(1.0, Math.sqrt(aggregate.sumSquaredDeviations() / (aggregate.n() - 1)), 1e-4);
    }

    @Test
    void usesThePriorUntilEnoughDyadsArePooled() {
        ClinicalThresholds t = ClinicalThresholds.defaults();
        List<NetworkSd.DyadAggregate> aggregates = new ArrayList<>(
                Collections.nCopies(29, NetworkSd.DyadAggregate.of(80, 90)));
        aggregates.add(NetworkSd.DyadAggregate.of(70));

        assertEquals(t.networkSdPrior(), NetworkSd.forRules(aggregates, t), 1e-9);

        aggregates.add(NetworkSd.DyadAggregate.of(80, 90));
        assertEquals(Math.sqrt(50), NetworkSd.forRules(aggregates, t), 1e-9);
        assertTrue(Double.isNaN(NetworkSd.pooled(List.of(NetworkSd.DyadAggregate.EMPTY))));
    }

    private static double[] numbers(String spaced) {
        return Arrays.stream(spaced.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @org.junit.jupiter.api.Test
    void poolsEachPillarOverItsOwnSeriesAndGivesNoPillarSdUnderThePrior() {
        // 30 dyads: index 80 then 84 (variance 8), bond 60 then 100 (variance 800), goals and tasks steady
        java.util.List<NetworkSd.DyadAggregates> dyads = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            dyads.add(NetworkSd.DyadAggregates.EMPTY.plus(new org.alliancepulse.analytics.course.AllianceMeasure(80,
                    60, 90, 90, null)).plus(new org.alliancepulse.analytics.course.AllianceMeasure(84, 100, 90, 90,
                            null)));
        }
        ClinicalThresholds t = ClinicalThresholds.defaults();
        NetworkSd.Spread spread = NetworkSd.Pooled.ofMeasures(dyads).spread(t);

        org.junit.jupiter.api.Assertions.assertEquals(Math.sqrt(8), spread.index(), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(Math.sqrt(800), spread.bond(), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(0, spread.goals(), 1e-9);
        NetworkSd.Spread prior = NetworkSd.Pooled.ofMeasures(dyads.subList(0, 29)).spread(t);
        org.junit.jupiter.api.Assertions.assertEquals(t.networkSdPrior(), prior.index(), 1e-9);
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(prior.bond()), "no pillar SD under the prior");
        org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(new NetworkSd.Pooled(30, 240, 30).spread(t).tasks()),
                "a snapshot from before pillars were pooled");
    }
}
