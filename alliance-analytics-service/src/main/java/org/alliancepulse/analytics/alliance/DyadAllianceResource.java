package org.alliancepulse.analytics.alliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/dyads")
public class DyadAllianceResource {

    @Inject
    AllianceReader reader;

    /**
     * The client's alliance over their current and past dyads: the series per session, the ruptures, the dropout
     * risk now with its factors and the open alerts. For admins, the staff of the client's clinic, and a therapist
     * for their own dyads with the client only; anyone else (another clinic, another therapist) gets a 404.
     */
    @Operation(summary = "A client's alliance course: every scored session, the rupture and risk states, the alerts",
            description = "The whole course of the client's episodes, with each dyad's series, rolling mean, WATCH and "
                    + "RUPTURE marks, repair, fit concern and dropout-risk score. Who may call: admins, the clinic's "
                    + "staff, therapists. Another clinic's staff, or a therapist the client is not assigned to, get the"
                    + " 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{clientId}/alliance")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    public DyadAlliance.ClientAlliance alliance(@PathParam("clientId") String clientId) {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(clientId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("clientId", "must be a UUID");
        }
        return reader.of(id);
    }
}
