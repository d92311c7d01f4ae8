package org.alliancepulse.intake.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatchRankingTest {

    private static final MatchRanking.Weights WEIGHTS = new MatchRanking.Weights(3, 2, 1);

    // therapists by name: languages | specialties | modalities | active | capacity | caseload
    private static final Map<String, String> THERAPISTS = Map.of(
            "nora", "no,en|anxiety,trauma|CBT|true|10|2",
            "emil", "en|anxiety|CBT,EFT|true|10|9",
            "sara", "en|depression|EFT|true|10|0",
            "ola", "no|trauma|EMDR|false|10|0",
            "kari", "no|anxiety|CBT|true|5|5");

    private static final Map<String, UUID> IDS = Map.of("nora", id(1), "emil", id(2), "sara", id(3), "ola", id(4),
            "kari", id(5));

    static Stream<Arguments> cases() {
        return Stream.of(
                // language, specialties, modalities, current, left for poor fit -> expected order
                Arguments.of("no", "anxiety", "CBT", null, null, "nora,emil,sara"),
                Arguments.of("en", "depression", "EFT", null, null, "sara,emil,nora"),
                // ways of working match without case
                Arguments.of(null, "", "eft", null, null, "sara,emil,nora"),
                // no preferences: more free places first
                Arguments.of(null, "", "", null, null, "sara,nora,emil"),
                // the current therapist is not suggested
                Arguments.of("no", "anxiety", "CBT", "nora", null, "emil,sara"),
                // the therapist left for poor fit comes last despite the best fit
                Arguments.of("no", "anxiety", "CBT", "emil", "nora", "sara,nora"),
                Arguments.of(null, "", "", "sara", "emil", "nora,emil"));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}, current {3}, left {4} -> {5}")
    @MethodSource("cases")
    void ranksActiveTherapistsWithFreePlacesByFit(String language, String specialties, String modalities,
            String current, String leftForFit, String expected) {
        MatchRanking.Needs needs = new MatchRanking.Needs(language, list(specialties), list(modalities),
                current == null ? null : IDS.get(current), leftForFit == null ? null : IDS.get(leftForFit));

        List<String> ranked = MatchRanking.rank(needs, candidates(), WEIGHTS).stream()
                .map(s -> name(s.therapistId())).toList();

        assertEquals(list(expected), ranked);
    }

    @Test
    void eachSuggestionSaysWhy() {
        MatchRanking.Needs needs = new MatchRanking.Needs("no", List.of("anxiety", "trauma"), List.of("CBT"), null,
                IDS.get("emil"));

        List<MatchRanking.Suggestion> ranked = MatchRanking.rank(needs, candidates(), WEIGHTS);

        MatchRanking.Suggestion nora = ranked.get(0);
        assertEquals(IDS.get("nora"), nora.therapistId());
        assertEquals(3 + 2 + 2 + 1, nora.score());
        assertEquals(List.of("speaks the client's language (no)", "specialises in anxiety", "specialises in trauma",
                "works with CBT", "8 free places"), nora.reasons());
        MatchRanking.Suggestion emil = ranked.get(ranked.size() - 1);
        assertTrue(emil.reasons().contains("the client left this therapist for poor fit"), emil.reasons().toString());
        assertTrue(emil.reasons().contains("1 free place"), emil.reasons().toString());
    }

    private static List<MatchRanking.Candidate> candidates() {
        return THERAPISTS.entrySet().stream().map(e -> {
            String[] f = e.getValue().split("\\|");
            return new MatchRanking.Candidate(IDS.get(e.getKey()), e.getKey(), list(f[0]), list(f[1]), list(f[2]),
                    Boolean.parseBoolean(f[3]), Integer.parseInt(f[4]), Long.parseLong(f[5]));
        }).toList();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String name(UUID id) {
        return IDS.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey();
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
