package org.alliancepulse.intake.therapist;

import java.util.List;

/** What matching and capacity know of a therapist. */
public record TherapistProfile(List<String> languages, List<String> specialties, List<String> modalities,
        int caseloadCapacity, boolean active) {

    public TherapistProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }

    static TherapistProfile defaults(int caseloadCapacity) {
        return new TherapistProfile(List.of(), List.of(), List.of(), caseloadCapacity, true);
    }
}
