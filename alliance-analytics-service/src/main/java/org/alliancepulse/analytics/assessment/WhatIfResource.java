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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(summary = "What would other thresholds have raised? (admins)",
            description = "The rules with other thresholds over the recorded history, beside the live settings: the "
                    + "alerts each would have raised and alerts per therapist-week. Nothing live changes. Who may "
                    + "call: admins; other roles get a 403.")
    @APIResponse(responseCode = "200", description = "What the thresholds would have raised, beside the live settings",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WhatIfReplay.Result.class)))
    @APIResponse(responseCode = "404", description = "a clinicId no event has named",
            content = @Content(mediaType = "application/problem+json"))
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "stricter ruptures and risk, over last year", value = """
                    {"thresholds":{"kRupture":2.5,"riskRaise":0.6},"from":"2025-01-01","to":"2025-12-31"}"""),
            @ExampleObject(name = "the documented fit-concern alternative, one clinic", value = """
                    {"thresholds":{"fitWindowScoredSessions":4},"clinicId":"north"}""") }))
    public Response replay(@NotNull WhatIfReplay.Request request) {
        return Response.ok(replay.run(request)).build();
    }
}
