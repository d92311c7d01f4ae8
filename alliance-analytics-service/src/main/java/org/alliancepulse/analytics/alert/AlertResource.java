package org.alliancepulse.analytics.alert;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.QueryParameters;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/alerts")
public class AlertResource {

    @Inject
    AlertCommands commands;

    @Inject
    AlertSearch search;

    @Inject
    ObjectMapper json;

    /**
     * An optional note on acknowledging: for the record here, never sent anywhere. Write the client code, not the
     * client's name; should a name be written all the same, the client's erasure takes the note.
     */
    @Schema(example = "{\"note\":\"Discussed at the start of session 5; we agreed to slow down.\"}")
    public record Acknowledgement(String note) {
    }

    /**
     * The alert inbox, newest first (by the time of the session the alert arose at): a therapist's own dyads', the
     * staff's clinic's, everyone's for admins. Filters: {@code status} (OPEN, ACKNOWLEDGED, RESOLVED), {@code kind}
     * (RUPTURE, UNRESOLVED_RUPTURE, FIT_CONCERN, DROPOUT_RISK), {@code clinicId}, {@code therapistId}, {@code from} /
     * {@code to} (dates of the session, inclusive); {@code page} from 0, {@code size} 1-200 (50). A filter outside the
     * caller's reach is a 403.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Operation(summary = "The alert inbox, newest first by the session's own date",
            description = "A therapist's own alerts (about the clients assigned to them now), the staff's clinic's, "
                    + "everyone's for admins. A filter outside the caller's reach (another clinic, another "
                    + "therapist) is a 403; an unknown or repeated parameter a 400. Who may call: admins, the clinic's "
                    + "staff, therapists.")
    public AlertSearch.AlertPage alerts(
            @Parameter(description = "the alert's state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "OPEN", "ACKNOWLEDGED", "RESOLVED" })) @QueryParam("status") String status,
            @Parameter(description = "the kind of alert", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN", "DROPOUT_RISK" })) @QueryParam("kind") String kind,
            @Parameter(description = "a clinic's id (admins any, staff their own)", example = "north")
            @QueryParam("clinicId") String clinicId,
            @Parameter(description = "a therapist's id (a therapist: their own only)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("therapistId") String therapistId,
            @Parameter(description = "one client's alerts, within the caller's reach", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("clientId") String clientId,
            @Parameter(description = "the first day of the sessions the alerts arose at, where they were held "
                    + "(1900-2999, inclusive)", schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2026-01-01")
            @QueryParam("from") String from,
            @Parameter(description = "the last day (inclusive), not before from", schema = @Schema(type = SchemaType.STRING, format = "date"),
                    example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = "the page, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "alerts per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return search.search(new AlertSearch.Filters(status, kind, clinicId, therapistId, clientId, from, to, page,
                size));
    }

    /** One alert: for admins, the staff of the client's clinic, and the dyad's own therapist (others: 404). */
    @Operation(summary = "One alert: the session it arose at, why, and how it ended",
            description = "Read by the dyad's therapist while the client is assigned to them, the clinic's staff and "
                    + "admins. Who may call: admins, the clinic's staff, therapists. Another clinic's staff, or a "
                    + "therapist the client is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    public AlertView alert(@Parameter(description = "the alert's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        // a malformed id is a 400 naming it, as on the dyad view (the framework's 404 said "check the path")
        return AlertView.of(commands.find(QueryParameters.uuid("id", id)));
    }

    /**
     * The therapist (or their clinic's staff, or an admin) has seen the alert: announces {@code AlertAcknowledged},
     * which cancels a pending escalation. A second acknowledgement, or one of a resolved alert, is a 409.
     */
    @Operation(summary = "Acknowledge an alert, with an optional note",
            description = "Announces AlertAcknowledged, which cancels its escalation and any email still held; the note "
                    + "stays in this service. A second acknowledgement, or one of a resolved alert, is a 409. Who may "
                    + "call: admins, the clinic's staff, therapists. Another clinic's staff, or a therapist the client "
                    + "is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @POST
    @Path("/{id}/acknowledge")
    // the body is optional (a note): a request without one, and so without a Content-Type, is not a 415
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Acknowledgement.class), examples = {
                    @ExampleObject(name = "with a note (the client code, never a name)", value = """
                            {"note":"Discussed with C-7KQ3MZ at the start of session 5; we agreed to slow down."}"""),
                    @ExampleObject(name = "without a note", value = "{}") }))
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AlertView.class)))
    public Response acknowledge(@PathParam("id") String alertId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws JsonProcessingException {
        UUID id = QueryParameters.uuid("id", alertId);
        // read here: the framework finds no reader for a request without a Content-Type; a body that is not the
        // JSON object is a 400 naming what is wrong (the platform's mapper), as everywhere else
        if (body != null && !body.isBlank() && contentType != null && !json(contentType)) {
            // a body said to be something else is refused as everywhere else (it was read as JSON all the same):
            // the framework's own refusal, which the platform's mapper words
            throw new NotSupportedException();
        }
        Acknowledgement acknowledgement = body == null || body.isBlank() ? null
                : json.readValue(body, Acknowledgement.class);
        return Response.ok(AlertView.of(commands.acknowledge(id, acknowledgement == null ? null
                : acknowledgement.note()))).build();
    }

    private static boolean json(String contentType) {
        try {
            return MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
