package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import org.alliancepulse.contracts.EventPayload;

/**
 * A clinic's details changed; carries the whole new state, so a consumer replaces what it kept.
 *
 * @param supervisorEmail the clinic's address for escalations (staff, not PHI); {@code null} when the clinic has none
 */
public record ClinicUpdated(String clinicId, String name, String supervisorEmail) implements EventPayload {

    public ClinicUpdated {
        present(clinicId, "clinicId");
        present(name, "name");
    }

    @Override
    public String aggregateId() {
        return clinicId;
    }
}
