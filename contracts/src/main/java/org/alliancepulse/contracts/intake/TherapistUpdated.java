package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A therapist's details changed; carries the whole new state (event-carried state transfer), so a consumer replaces
 * what it kept. Staff data, not PHI.
 *
 * @param languages ISO 639-1 codes, e.g. {@code en}, {@code no}
 * @param specialties e.g. {@code anxiety}, {@code trauma}
 * @param modalities e.g. {@code CBT}, {@code EFT}
 * @param caseloadCapacity how many current clients the therapist can carry
 * @param active {@code false}: the therapist takes no new clients (on leave, left the clinic)
 */
public record TherapistUpdated(UUID therapistId, String clinicId, String username, String displayName,
        String workEmail, List<String> languages, List<String> specialties, List<String> modalities,
        int caseloadCapacity, boolean active) implements EventPayload {

    public TherapistUpdated {
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(username, "username");
        present(displayName, "displayName");
        present(workEmail, "workEmail");
        languages = List.copyOf(present(languages, "languages"));
        specialties = List.copyOf(present(specialties, "specialties"));
        modalities = List.copyOf(present(modalities, "modalities"));
    }

    @Override
    public String aggregateId() {
        return therapistId.toString();
    }
}
