package org.alliancepulse.session.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class InstrumentRulesTest {

    private static Instrument valid() {
        return new Instrument("CLINIC-3", "Clinic check-in", Instrument.Measures.ALLIANCE,
                List.of(new Instrument.Item("heard", "I felt heard"), new Instrument.Item("plan", null),
                        new Instrument.Item("pace", null)),
                BigDecimal.ONE, BigDecimal.valueOf(7), 0, Map.of("bond", List.of("heard"), "tasks", List.of("plan", "pace")),
                Instrument.IndexFormula.LINEAR, false);
    }

    @Test
    void theBuiltInInstrumentsAndAValidOwnOnePass() {
        assertEquals(List.of(), InstrumentRules.check(valid()));
        for (Instrument builtIn : Instrument.BUILT_IN) {
            Instrument asOwn = new Instrument("X" + builtIn.code(), builtIn.name(), builtIn.measures(),
                    builtIn.items(), builtIn.min(), builtIn.max(), builtIn.decimals(), builtIn.subscales(),
                    builtIn.index(), false);
            assertEquals(List.of(), InstrumentRules.check(asOwn), builtIn.code());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "code=srs| code",
            "code=SRS| code",
            "name=| name",
            "name=a\u0000b| name",
            "name=a\tb| name",
            "measures=| measures",
            "index=NONE| index",
            "items=| items",
            "items=Heard| items[0].key",
            "items=heard heard| items[1].key",
            "min=7| max",
            "min=0.5| min",
            "min=1.0| accepted",
            "decimals=3| decimals",
            "subscales=bond:nobody| subscales.bond",
    })
    void refusesDefinitionsThatCannotScore(String change, String field) {
        Instrument i = valid();
        String[] kv = change.split("=", 2);
        String value = kv.length > 1 ? kv[1] : "";
        i = switch (kv[0]) {
            case "code" -> new Instrument(value, i.name(), i.measures(), i.items(), i.min(), i.max(), i.decimals(), i.subscales(), i.index(), false);
            case "name" -> new Instrument(i.code(), value, i.measures(), i.items(), i.min(), i.max(), i.decimals(), i.subscales(), i.index(), false);
            case "measures" -> new Instrument(i.code(), i.name(), null, i.items(), i.min(), i.max(), i.decimals(), i.subscales(), i.index(), false);
            case "index" -> new Instrument(i.code(), i.name(), i.measures(), i.items(), i.min(), i.max(), i.decimals(), i.subscales(), Instrument.IndexFormula.valueOf(value), false);
            case "items" -> new Instrument(i.code(), i.name(), i.measures(), value.isEmpty() ? List.of()
                    : Arrays.stream(value.split(" ")).map(k -> new Instrument.Item(k, null)).toList(), i.min(), i.max(), i.decimals(), Map.of(), i.index(), false);
            case "min" -> new Instrument(i.code(), i.name(), i.measures(), i.items(), new BigDecimal(value), i.max(), i.decimals(), i.subscales(), i.index(), false);
            case "decimals" -> new Instrument(i.code(), i.name(), i.measures(), i.items(), i.min(), i.max(), Integer.parseInt(value), i.subscales(), i.index(), false);
            case "subscales" -> new Instrument(i.code(), i.name(), i.measures(), i.items(), i.min(), i.max(), i.decimals(),
                    Map.of(value.split(":")[0], List.of(value.split(":")[1])), i.index(), false);
            default -> throw new AssertionError(kv[0]);
        };

        List<Scoring.Refusal> refusals = InstrumentRules.check(i);

        assertEquals(field, refusals.isEmpty() ? "accepted" : refusals.get(0).field(), refusals.toString());
    }

    /** A definition that leaves subscales out has none, and scores its total (outside probe: a 500 at every answer). */
    @Test
    void anInstrumentWithoutSubscalesScoresItsTotal() {
        Instrument i = valid();
        Instrument without = new Instrument(i.code(), i.name(), i.measures(), i.items(), i.min(), i.max(),
                i.decimals(), null, i.index(), false);
        assertEquals(List.of(), InstrumentRules.check(without));
        Scoring.Score score = Scoring.score(without, List.of(BigDecimal.ONE, BigDecimal.valueOf(4), BigDecimal.valueOf(7)));
        assertEquals(0, BigDecimal.valueOf(12).compareTo(score.total()));
        assertEquals(Map.of(), score.subscales());
    }

    @ParameterizedTest(name = "{0} total {1} -> index {2}")
    @CsvSource(nullValues = "-", value = {
            // CLINICAL.md: SRS total x 2.5; WAI-SR (sum - 12) / 48 x 100; ORS has none
            "SRS, 40, 100.00",
            "SRS, 36, 90.00",
            "SRS, 30.5, 76.25",
            "SRS, 0, 0.00",
            "WAI-SR, 12, 0.00",
            "WAI-SR, 60, 100.00",
            "WAI-SR, 33, 43.75",
            "ORS, 26.5, -",
    })
    void theIndexFollowsTheDefinitionsFormula(String code, BigDecimal total, BigDecimal index) {
        BigDecimal actual = Scoring.index(Scoring.instrument(code).orElseThrow(), total);
        if (index == null) {
            assertNull(actual);
        } else {
            assertEquals(0, index.compareTo(actual), "index " + actual);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "SRS| {\"relationship\":7,\"goals\":8,\"approach\":7.5,\"overall\":8}| ok 30.5",
            "SRS| {\"relationship\":7,\"goals\":8,\"approach\":7.5}| answers.overall is missing",
            "SRS| {\"relationship\":7,\"goals\":8,\"approach\":7.5,\"overall\":8,\"mood\":3}| answers.mood is not an item of SRS",
            "SRS| {\"relationship\":7,\"goals\":\"8\",\"approach\":7.5,\"overall\":8}| answers.goals must be a number",
            "SRS| [7,8,\"high\",8]| answers[2] must be a number",
            // beyond a double: read as infinity, which no decimal holds (was a 500)
            "SRS| [1e400,8,7.5,8]| answers[0] must be a number",
            "SRS| {\"relationship\":7,\"goals\":-1e400,\"approach\":7.5,\"overall\":8}| answers.goals must be a number",
            "SRS| [7,8,7.5,8,9]| answers SRS has 4 items; got 5 answers",
            "SRS| \"7,8,7.5,8\"| answers must be an array in item order or an object keyed by item",
            "WAI-SR| [1,2,3,4,5,1,2,3,4,5,1,6]| answers[11] must be between 1 and 5",
    })
    void readsArraysAndKeyedObjectsNamingTheItem(String code, String json, String expected) throws Exception {
        Scoring.Read read = Scoring.read(Scoring.instrument(code).orElseThrow(), new ObjectMapper().readTree(json));

        String actual = read.refusals().isEmpty()
                ? "ok " + Scoring.score(Scoring.instrument(code).orElseThrow(), read.answers()).total().toPlainString()
                : read.refusals().get(0).field() + " " + read.refusals().get(0).message();
        assertEquals(expected, actual);
    }
}
