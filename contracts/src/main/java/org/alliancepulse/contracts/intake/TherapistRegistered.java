package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A therapist was registered at a clinic. Therapists are staff, not clients: their work contact is not PHI and is
 * carried so the notification service can email them without asking anyone.
 *
 * @param username the therapist's login at the identity provider ({@code preferred_username}), how services know a
 *                 therapist's token
 * @param workEmail where alerts are sent
 */
public record TherapistRegistered(UUID therapistId, String clinicId, String username, String displayName,
        String workEmail) implements EventPayload {

    public TherapistRegistered {
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(username, "username");
        present(displayName, "displayName");
        present(workEmail, "workEmail");
    }

    @Override
    public String aggregateId() {
        return therapistId.toString();
    }
}
