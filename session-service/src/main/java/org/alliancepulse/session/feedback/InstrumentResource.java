package org.alliancepulse.session.feedback;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.alliancepulse.platform.security.Roles;

@Path("/api/instruments")
public class InstrumentResource {

    /** The instruments this service scores: structure only, no licensed item wording. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public List<Instrument> instruments() {
        return Instrument.ALL;
    }
}
