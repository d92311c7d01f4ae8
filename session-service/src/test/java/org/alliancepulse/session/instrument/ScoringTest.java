package org.alliancepulse.session.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    @ParameterizedTest(name = "{0} {1} -> total {2}, {3}")
    @CsvSource(delimiter = ';', value = {
            "SRS; 10 10 10 10; 40; bond=10 global=10 goals=10 tasks=10",
            "SRS; 0 0 0 0; 0; bond=0 global=0 goals=0 tasks=0",
            "SRS; 7 8 7.5 8; 30.5; bond=7 global=8 goals=8 tasks=7.5",
            "SRS; 9.1 9.2 9.3 9.4; 37.0; bond=9.1 global=9.4 goals=9.2 tasks=9.3",
            // WAI-SR: tasks 1,2,10,12 | goals 4,6,8,11 | bond 3,5,7,9
            "WAI-SR; 1 2 3 4 5 1 2 3 4 5 1 2; 33; bond=14 goals=9 tasks=10",
            "WAI-SR; 5 5 5 5 5 5 5 5 5 5 5 5; 60; bond=20 goals=20 tasks=20",
            "WAI-SR; 1 1 1 1 1 1 1 1 1 1 1 1; 12; bond=4 goals=4 tasks=4",
            "ORS; 5 6 7 8.5; 26.5; individual=5 interpersonal=6 overall=8.5 social=7",
    })
    void scoresTotalsAndSubscalesAsPlainSums(String code, String answers, BigDecimal total, String subscales) {
        Scoring.Score score = Scoring.score(Scoring.instrument(code).orElseThrow(), numbers(answers));

        assertEquals(0, total.compareTo(score.total()), "total " + score.total());
        Map<String, BigDecimal> expected = Arrays.stream(subscales.split(" ")).map(kv -> kv.split("="))
                .collect(Collectors.toMap(kv -> kv[0], kv -> new BigDecimal(kv[1])));
        assertEquals(expected.keySet(), score.subscales().keySet());
        expected.forEach((name, value) -> assertEquals(0, value.compareTo(score.subscales().get(name)),
                name + " was " + score.subscales().get(name)));
    }

    @ParameterizedTest(name = "{0} {1} -> subscale indices {2}")
    @CsvSource(delimiter = ';', value = {
            // SRS: one 0-10 item per subscale -> x 10
            "SRS; 7 8 7.5 8; bond=70.00 global=80.00 goals=80.00 tasks=75.00",
            "SRS; 0 10 0 10; bond=0.00 global=100.00 goals=100.00 tasks=0.00",
            // WAI-SR: four 1-5 items per subscale -> (sum - 4) / 16 x 100
            "WAI-SR; 1 2 3 4 5 1 2 3 4 5 1 2; bond=62.50 goals=31.25 tasks=37.50",
            "WAI-SR; 5 5 5 5 5 5 5 5 5 5 5 5; bond=100.00 goals=100.00 tasks=100.00",
            "WAI-SR; 1 1 1 1 1 1 1 1 1 1 1 1; bond=0.00 goals=0.00 tasks=0.00",
            "ORS; 5 6 7 8.5; ''",
    })
    void putsEachSubscaleOfAnAllianceInstrumentOnTheIndexScale(String code, String answers, String indices) {
        Scoring.Score score = Scoring.score(Scoring.instrument(code).orElseThrow(), numbers(answers));

        if (indices.isEmpty()) {
            assertEquals(null, score.subscaleIndices(), "an outcome instrument has no index");
            return;
        }
        Map<String, BigDecimal> expected = Arrays.stream(indices.split(" ")).map(kv -> kv.split("="))
                .collect(Collectors.toMap(kv -> kv[0], kv -> new BigDecimal(kv[1])));
        assertEquals(expected, score.subscaleIndices());
    }

    @ParameterizedTest(name = "{0} {1} refused at {2}")
    @CsvSource(delimiter = '|', value = {
            "SRS| 7 8 7| answers| SRS has 4 items; got 3 answers",
            "SRS| 7 8 7 8 9| answers| SRS has 4 items; got 5 answers",
            "SRS| 7 8 10.5 8| answers[2]| must be between 0 and 10",
            "SRS| -1 8 7 8| answers[0]| must be between 0 and 10",
            "SRS| 7 8.25 7 8| answers[1]| may have at most 1 decimal place(s)",
            "WAI-SR| 1 2 3 4 5 1 2 3 4 5 1 6| answers[11]| must be between 1 and 5",
            "WAI-SR| 0 2 3 4 5 1 2 3 4 5 1 2| answers[0]| must be between 1 and 5",
            "WAI-SR| 1 2.5 3 4 5 1 2 3 4 5 1 2| answers[1]| must be a whole number",
            "ORS| 5 6 7| answers| ORS has 4 items; got 3 answers",
    })
    void refusesWrongCountsRangesAndPrecision(String code, String answers, String field, String message) {
        Instrument instrument = Scoring.instrument(code).orElseThrow();
        List<Scoring.Refusal> refusals = Scoring.check(instrument, numbers(answers));

        assertEquals(List.of(new Scoring.Refusal(field, message)), refusals);
        assertThrows(IllegalArgumentException.class, () -> Scoring.score(instrument, numbers(answers)));
    }

    /** Answers given by key are refused by key (outside probe: answers.ORS[3] for a keyed answer). */
    @Test
    void keyedAnswersAreRefusedByTheirKey() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"individual\":5,\"interpersonal\":5,\"social\":5,\"overall\":5.25}");
        assertEquals(List.of(new Scoring.Refusal("answers.overall", "may have at most 1 decimal place(s)")),
                Scoring.read(Instrument.ORS, node).refusals());
    }

    @ParameterizedTest
    @CsvSource({ "srs", "PHQ-9", "''" })
    void knowsOnlyItsInstruments(String code) {
        assertEquals(java.util.Optional.empty(), Scoring.instrument(code));
    }

    private static List<BigDecimal> numbers(String spaced) {
        return Arrays.stream(spaced.trim().split(" ")).map(BigDecimal::new).toList();
    }
}
