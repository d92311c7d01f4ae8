package org.alliancepulse.platform.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who this service takes the caller to be: how a client (or an operator with a token in hand) checks a token's
 * login, Alliance Pulse roles and clinic before acting. Every service has it (platform). It touches no database, so
 * it is also the benchmarks' "framework's own limit with token checks".
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller", description = "Who the bearer token says the caller is")
public class MeResource {

    @Inject
    Caller caller;

    /** The caller as this service sees them: login, Alliance Pulse roles, clinic (null for admins). */
    @Schema(example = "{\"username\":\"dr-north\",\"roles\":[\"therapist\"],\"clinicId\":\"north\"}")
    public record Me(String username, List<String> roles, String clinicId) {
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Operation(summary = "The caller's login, Alliance Pulse roles and clinic, from their token",
            description = "Who may call: anyone with an Alliance Pulse role (admins, clinic staff, therapists); a "
                    + "token without one gets a 403.")
    public Me me() {
        List<String> roles = new java.util.ArrayList<>();
        if (caller.isAdmin()) {
            roles.add(Roles.ADMIN);
        }
        if (caller.isClinicStaff()) {
            roles.add(Roles.CLINIC_STAFF);
        }
        if (caller.isTherapist()) {
            roles.add(Roles.THERAPIST);
        }
        return new Me(caller.username(), roles, caller.clinicId().orElse(null));
    }
}
