package org.alliancepulse.analytics.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;

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

    @Inject
    RebuildRun run;

    /**
     * The last rebuild, on whichever instance it ran: how far it got while it runs, what it did once finished.
     *
     * @param state NEVER, RUNNING, FINISHED, or ABANDONED (begun, not finished, nobody at it: the state is partial
     *        and live events wait; POST again, or restart, once the cause is mended)
     * @param partitionsWritten of {@code partitionsTotal}: a rebuild folds both topics' same-numbered partitions
     *        together, one number after another, then assesses every dyad
     */
    @Schema(example = "{\"state\":\"RUNNING\",\"startedAt\":\"2026-11-29T09:00:00Z\",\"finishedAt\":null,"
            + "\"partitionsWritten\":1,\"partitionsTotal\":3,\"events\":412003,\"skipped\":0,\"dyads\":null,"
            + "\"seconds\":null}")
    public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, Integer partitionsWritten,
            Integer partitionsTotal, Long events, Long skipped, Long dyads, Double seconds) {

        static RebuildStatus of(RebuildRun.Status s) {
            return new RebuildStatus(s.state(), s.startedAt(), s.finishedAt(), s.partitionsWritten(),
                    s.partitionsTotal(), s.events(), s.skipped(), s.dyads(), s.seconds());
        }
    }

    /** How the last rebuild went, or how far the running one got: its POST answers only when it is done. */
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The last rebuild's state and progress (admins)",
            description = "Who may call: admins; other roles get a 403.")
    @APIResponse(responseCode = "200", description = "The last rebuild",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RebuildStatus.class)))
    public RebuildStatus status() {
        return RebuildStatus.of(run.status());
    }

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
    @Operation(summary = "Rebuild the analytics state from the topics (admins)",
            description = "Folds every event of the topics from the beginning into a fresh state and reconciles the "
                    + "alerts; one rebuild at a time. Who may call: admins; other roles get a 403.")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Rebuild.Report.class)))
    public Response rebuild() {
        return Response.ok(rebuild.runUnlessRunning()).build();
    }
}
