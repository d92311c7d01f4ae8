package org.alliancepulse.analytics.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllianceMeasureTest {

    @ParameterizedTest(name = "SRS {0} {1} {2} {3} -> index {4}")
    @CsvSource({
            // relationship, goals & topics, approach or method, overall -> index, bond, goals, tasks, total
            "10, 10, 10, 10, 100, 100, 100, 100, 40",
            "0, 0, 0, 0, 0, 0, 0, 0, 0",
            "9, 9, 9, 9, 90, 90, 90, 90, 36",
            "7, 8, 7.5, 8, 76.25, 70, 80, 75, 30.5",
    })
    void scalesTheSrsToTheIndex(double relationship, double goals, double approach, double overall, double index,
            double bond, double goalsIndex, double tasks, double total) {
        AllianceMeasure m = AllianceMeasure.srs(relationship, goals, approach, overall);

        assertEquals(index, m.index(), 1e-9);
        assertEquals(bond, m.bond(), 1e-9);
        assertEquals(goalsIndex, m.goals(), 1e-9);
        assertEquals(tasks, m.tasks(), 1e-9);
        assertEquals(total, m.srsTotal(), 1e-9);
    }

    @ParameterizedTest(name = "WAI-SR {0} -> index {1}")
    @CsvSource(delimiter = ';', value = {
            // tasks 1,2,10,12 | goals 4,6,8,11 | bond 3,5,7,9
            "5 5 5 5 5 5 5 5 5 5 5 5; 100; 100; 100; 100",
            "1 1 1 1 1 1 1 1 1 1 1 1; 0; 0; 0; 0",
            "1 2 3 4 5 1 2 3 4 5 1 2; 43.75; 62.5; 31.25; 37.5",
    })
    void scalesTheWaiSrToTheIndex(String answers, double index, double bond, double goals, double tasks) {
        List<Integer> items = Arrays.stream(answers.split(" ")).map(Integer::valueOf).toList();
        AllianceMeasure m = AllianceMeasure.waiSr(items);

        assertEquals(index, m.index(), 1e-9);
        assertEquals(bond, m.bond(), 1e-9);
        assertEquals(goals, m.goals(), 1e-9);
        assertEquals(tasks, m.tasks(), 1e-9);
        assertEquals(null, m.srsTotal());
    }

    @Test
    void refusesAnIndexOffTheScale() {
        assertThrows(IllegalArgumentException.class, () -> new AllianceMeasure(100.1, 90, 90, 90, null));
        assertThrows(IllegalArgumentException.class, () -> AllianceMeasure.waiSr(List.of(1, 2, 3)));
    }
}
