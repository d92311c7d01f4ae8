package org.alliancepulse.session.instrument;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;

@Path("/api/instruments")
public class InstrumentResource {

    @Inject
    InstrumentCatalog catalog;

    @Inject
    Caller caller;

    /** The instruments this service scores: structure only, no licensed item wording (unless an organisation loaded its own). */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public List<Instrument> instruments() {
        return catalog.all();
    }

    /** Adds an organisation's own instrument, checked (codes, item keys, range, decimals, subscales, index). */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    public Response add(@NotNull Instrument definition) {
        return Response.status(Response.Status.CREATED).entity(catalog.add(definition, caller.username())).build();
    }
}
