package org.alliancepulse.session.link;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.alliancepulse.platform.idempotency.AnswerShownOnce;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.session.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/sessions/{id}/feedback-links")
public class FeedbackLinkResource {

    @Inject
    FeedbackLinks links;

    @Inject
    FeedbackLinkConfig config;

    @Inject
    DyadAccess access;

    @Inject
    Caller caller;

    /**
     * @param expiresInHours how long the link stays open; 72 when left out; at most
     *        {@code alliance-pulse.feedback-link.max-lifetime} (14 days, 336 hours, unless configured otherwise; 8760
     *        is the bound no configuration can pass)
     */
    @Schema(example = "{\"instruments\":[\"SRS\"],\"expiresInHours\":72}")
    public record IssueLink(@NotEmpty List<String> instruments, @Min(1) @Schema(description = "Hours"
            + " the link stays open: 72 when left out, at most alliance-pulse.feedback-link.max-lifetime (336 by"
            + " default; a longer one is a 400)") Integer expiresInHours) {
    }

    @Schema(example = "{\"url\":\"https://feedback.clinic.example/api/feedback/3q2-7wEr...\",\"sessionId\":"
            + "\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\",\"instruments\":[\"SRS\"],\"expiresAt\":\"2026-11-30T15:00:00Z\"}")
    public record IssuedLink(URI url, UUID sessionId, List<String> instruments, Instant expiresAt) {
    }

    /**
     * A one-time link for the client to answer the chosen instruments on their own device, without a login. The URL
     * is shown once: only its hash is stored.
     */
    @Operation(summary = "Issue a one-time feedback link for a session",
            description = "The URL is shown once and never stored (only its hash). Who may call: the clinic's staff, "
                    + "therapists. Another clinic's staff, or a therapist the client is not assigned to, get the 404 of"
                    + " an unknown id; other roles a 403.")
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedLink.class)))
    // the answer holds the token, which is never stored: a retry with the same key is told so (409)
    @AnswerShownOnce(instead = "issue a new link (the first stays valid until it expires or is used)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "SRS after the session", value = """
                    {"instruments":["SRS"]}"""),
            @ExampleObject(name = "ORS and SRS, open a week", value = """
                    {"instruments":["ORS","SRS"],"expiresInHours":168}""") }))
    public Response issue(@PathParam("id") UUID sessionId, @NotNull @Valid IssueLink request, @Context UriInfo uri) {
        Session session = Session.findAccessible(sessionId, access);
        FeedbackLinks.Issued issued = links.issue(session, request.instruments(),
                request.expiresInHours() == null ? null : Duration.ofHours(request.expiresInHours()),
                caller.username());
        String base = config.publicUrl().map(u -> u.replaceAll("/+$", ""))
                .orElse(uri.getBaseUri().toString().replaceAll("/+$", ""));
        URI url = URI.create(base + "/api/feedback/" + issued.token());
        return Response.status(Response.Status.CREATED).entity(new IssuedLink(url, session.id,
                issued.link().instrumentCodes(), issued.link().expiresAt)).build();
    }
}
