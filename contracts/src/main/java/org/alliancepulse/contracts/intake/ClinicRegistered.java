package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import org.alliancepulse.contracts.EventPayload;

/**
 * A clinic joined the network.
 *
 * @param clinicId the clinic's stable id, also the {@code clinic_id} claim of its staff's tokens
 * @param name the clinic's name (an organisation, not a person)
 */
public record ClinicRegistered(String clinicId, String name) implements EventPayload {

    public ClinicRegistered {
        present(clinicId, "clinicId");
        present(name, "name");
    }

    @Override
    public String aggregateId() {
        return clinicId;
    }
}
