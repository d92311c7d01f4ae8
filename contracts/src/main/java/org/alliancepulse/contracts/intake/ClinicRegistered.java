package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import org.alliancepulse.contracts.EventPayload;

/**
 * A clinic joined the network.
 *
 * @param clinicId the clinic's stable id, also the {@code clinic_id} claim of its staff's tokens
 * @param name the clinic's name (an organisation, not a person)
 * @param supervisorEmail the clinic's address for escalations (a work address of staff, not PHI); optional, absent
 *                        in events published before clinics had one
 */
public record ClinicRegistered(String clinicId, String name, String supervisorEmail) implements EventPayload {

    public ClinicRegistered {
        present(clinicId, "clinicId");
        present(name, "name");
    }

    /** A clinic without a supervisor address, as published before clinics had one. */
    public ClinicRegistered(String clinicId, String name) {
        this(clinicId, name, null);
    }

    @Override
    public String aggregateId() {
        return clinicId;
    }
}
