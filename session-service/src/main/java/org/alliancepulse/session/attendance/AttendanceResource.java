package org.alliancepulse.session.attendance;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.session.Session;
import org.alliancepulse.session.session.SessionResource.SessionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/sessions/{id}/attendance")
public class AttendanceResource {

    @Inject
    AttendanceCommands commands;

    @Inject
    DyadAccess access;

    /**
     * @param late for CANCELLED_BY_CLIENT only: whether the client cancelled late
     * @param correction true to replace an outcome recorded before (publishes SessionOutcomeCorrected)
     */
    @Schema(description = "The session's one outcome.",
            example = "{\"outcome\":\"CANCELLED_BY_CLIENT\",\"late\":true}")
    public record RecordAttendance(@NotNull Outcome outcome, Boolean late, Boolean correction) {
    }

    /**
     * Records whether the client came: ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT (with late) or CANCELLED_BY_CLINIC.
     * A second outcome is a 409 unless it is sent as a correction.
     */
    @Operation(summary = "Record whether a session took place",
            description = "ATTENDED, NO_SHOW, CANCELLED_BY_CLIENT (late or not) or CANCELLED_BY_CLINIC; announces the "
                    + "outcome. The same outcome again changes nothing; another is a 409 unless sent as a correction. "
                    + "Who may call: the clinic's staff, therapists. Another clinic's staff, or a therapist the client "
                    + "is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "came", value = """
                    {"outcome":"ATTENDED"}"""),
            @ExampleObject(name = "no-show", value = """
                    {"outcome":"NO_SHOW"}"""),
            @ExampleObject(name = "late cancellation", value = """
                    {"outcome":"CANCELLED_BY_CLIENT","late":true}"""),
            @ExampleObject(name = "correcting an outcome recorded wrongly", value = """
                    {"outcome":"ATTENDED","correction":true}""") }))
    public Response record(@PathParam("id") UUID sessionId, @NotNull @Valid RecordAttendance request) {
        Session session = Session.findAccessible(sessionId, access);
        commands.record(session, request.outcome(), request.late(), Boolean.TRUE.equals(request.correction()));
        return Response.ok(SessionView.of(session)).build();
    }
}
