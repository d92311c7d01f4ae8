package org.alliancepulse.analytics.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

@Path("/api/admin/rebuild")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    /**
     * Rebuilds the dyad state from the topics, from their beginning, and assesses every dyad again; answers when it
     * is done, with what it did. Live events wait meanwhile and go on afterwards. With unchanged rules nothing is
     * announced; alerts already raised are found again, not raised twice.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    @Idempotent
    @Operation(summary = "Rebuild the analytics state from the topics (admins)")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rebuild.Report.class)))
    public Response rebuild() {
        return Response.ok(rebuild.runUnlessRunning()).build();
    }
}
