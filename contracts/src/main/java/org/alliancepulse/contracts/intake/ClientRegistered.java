package org.alliancepulse.contracts.intake;

import static org.alliancepulse.contracts.Require.present;

import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client was registered at a clinic. Pseudonymous by design: the name, contact and date of birth stay in
 * intake-service; the world outside it knows the client by id, code and age band.
 *
 * @param clientCode short pseudonymous code staff and therapists recognise, e.g. {@code C-7KQ3MZ}; random, not
 *                   derived from the person
 * @param ageBand e.g. {@code 26-35}; coarse enough not to identify
 */
public record ClientRegistered(UUID clientId, String clinicId, String clientCode, String ageBand)
        implements EventPayload {

    public ClientRegistered {
        present(clientId, "clientId");
        present(clinicId, "clinicId");
        present(clientCode, "clientCode");
        present(ageBand, "ageBand");
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
