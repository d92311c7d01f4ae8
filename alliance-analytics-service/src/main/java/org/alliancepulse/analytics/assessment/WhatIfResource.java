package org.alliancepulse.analytics.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/what-if-replays")
public class WhatIfResource {

    @Inject
    WhatIfReplay replay;

    /**
     * Runs the clinical rules with other thresholds over the recorded history, beside the live settings, and
     * answers with the alerts each would have raised and the alerts per therapist-week. Changes nothing live: no
     * alert is raised, no event published.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    @Operation(summary = "What would other thresholds have raised? (admins)")
    @APIResponse(responseCode = "200", description = "What the thresholds would have raised, beside the live settings",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WhatIfReplay.Result.class)))
    public Response replay(@NotNull WhatIfReplay.Request request) {
        return Response.ok(replay.run(request)).build();
    }
}
