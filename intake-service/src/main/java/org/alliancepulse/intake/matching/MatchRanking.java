package org.alliancepulse.intake.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ranks a clinic's therapists for one client: a pure function, so the rule can be read and table-tested apart from
 * the database. Only active therapists with a free place and other than the current one are suggested. Points for
 * the client's language, each stated specialty and each stated way of working; more free places break ties. A
 * therapist the client already left for poor fit comes last whatever the points: the clinic may still need them.
 */
public final class MatchRanking {

    private MatchRanking() {
    }

    /** What the client asked for, and their history. */
    public record Needs(String preferredLanguage, List<String> specialties, List<String> modalities,
            UUID currentTherapistId, UUID leftForPoorFit) {
    }

    public record Candidate(UUID therapistId, String displayName, List<String> languages, List<String> specialties,
            List<String> modalities, boolean active, int caseloadCapacity, long caseload) {

        int freePlaces() {
            return (int) Math.max(0, caseloadCapacity - caseload);
        }
    }

    public record Weights(int language, int specialty, int modality) {
    }

    @Schema(example = """
            {
              "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
              "displayName": "Dr. Nora Nordby",
              "score": 7,
              "freePlaces": 7,
              "reasons": [
                "speaks the client's language (no)",
                "specialises in anxiety",
                "works with CBT",
                "7 free places"
              ]
            }""")
    public record Suggestion(UUID therapistId, String displayName, int score, int freePlaces, List<String> reasons) {
    }

    public static List<Suggestion> rank(Needs needs, List<Candidate> candidates, Weights weights) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!c.active() || c.freePlaces() == 0 || c.therapistId().equals(needs.currentTherapistId())) {
                continue;
            }
            int score = 0;
            List<String> reasons = new ArrayList<>();
            if (needs.preferredLanguage() != null && c.languages().contains(needs.preferredLanguage())) {
                score += weights.language();
                reasons.add("speaks the client's language (" + needs.preferredLanguage() + ")");
            }
            for (String specialty : needs.specialties()) {
                if (c.specialties().contains(specialty)) {
                    score += weights.specialty();
                    reasons.add("specialises in " + specialty);
                }
            }
            for (String modality : needs.modalities()) {
                // modalities are written as people write them (CBT, cbt): compared without case
                if (c.modalities().stream().anyMatch(modality::equalsIgnoreCase)) {
                    score += weights.modality();
                    reasons.add("works with " + modality);
                }
            }
            reasons.add(c.freePlaces() + " free place" + (c.freePlaces() == 1 ? "" : "s"));
            if (c.therapistId().equals(needs.leftForPoorFit())) {
                reasons.add("the client left this therapist for poor fit");
            }
            suggestions.add(new Suggestion(c.therapistId(), c.displayName(), score, c.freePlaces(),
                    List.copyOf(reasons)));
        }
        suggestions.sort(Comparator
                .comparing((Suggestion s) -> s.therapistId().equals(needs.leftForPoorFit()))
                .thenComparing(Suggestion::score, Comparator.reverseOrder())
                .thenComparing(Suggestion::freePlaces, Comparator.reverseOrder())
                .thenComparing(Suggestion::displayName)
                .thenComparing(Suggestion::therapistId));
        return List.copyOf(suggestions);
    }
}
