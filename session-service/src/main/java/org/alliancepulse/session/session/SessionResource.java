package org.alliancepulse.session.session;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.Require;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/sessions")
public class SessionResource {

    @Inject
    SessionCommands commands;

    @Inject
    DyadAccess access;

    /**
     * @param scheduledAt ISO-8601 date-time with offset; the offset given decides the session's date (the clinic's
     *        day: 19:30-05:00 is dated that evening, not the next day in UTC)
     * @param sessionDate only a day (the walking skeleton's form): the session is put at midnight UTC
     * @param sessionNumber the session's number in the client's course; the next free one when left out
     */
    @Schema(description = "A session to book or record. Give scheduledAt (or, older form, sessionDate).",
            example = "{\"clientId\":\"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\",\"scheduledAt\":\"2026-11-27T14:00:00+01:00\",\"sessionNumber\":3}")
    public record ScheduleSession(@NotNull UUID clientId,
            // kept at the offset given (Jackson would turn it to UTC first), since that offset dates the session
            @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime scheduledAt,
            LocalDate sessionDate,
            @Min(1) @Max(10000) Integer sessionNumber) {
    }

    @Schema(example = "{\"id\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\",\"clientId\":\"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f\","
            + "\"clientCode\":\"C-7KQ3MZ\",\"therapistId\":\"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e\",\"clinicId\":\"north\","
            + "\"sessionNumber\":3,\"scheduledAt\":\"2026-11-27T13:00:00Z\",\"sessionDate\":\"2026-11-27\","
            + "\"status\":\"NO_SHOW\",\"late\":null}")
    public record SessionView(UUID id, UUID clientId, String clientCode, UUID therapistId, String clinicId,
            int sessionNumber, Instant scheduledAt, LocalDate sessionDate, Session.Status status, Boolean late) {

        public static SessionView of(Session s) {
            Dyad dyad = Dyad.findById(s.clientId);
            return new SessionView(s.id, s.clientId, dyad == null ? null : dyad.clientCode, s.therapistId,
                    s.clinicId, s.sessionNumber, s.scheduledAt, s.sessionDate, s.status, s.cancelledLate);
        }
    }

    /**
     * Books a session for an assigned client with the therapist they are assigned to, or records one held in the
     * past. 409 while the assignment has not reached this service, or for a session number already used.
     */
    @Operation(summary = "Book a session (in the past or the future)",
            description = "Announces SessionScheduled; numbered within the episode. Who may call: the clinic's staff, "
                    + "therapists.")
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "Booked; Location: the session",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Conflict; nothing was stored. Of type "
            + ProblemException.NOT_YET_KNOWN + " (with Retry-After): the client's assignment has not reached this "
            + "service yet, retry; otherwise (about:blank) the session number is taken, the client was erased, or "
            + "the same session was booked by another request at the same time, the client already has a "
            + "session at that moment, the episode of care ended before it, or it is before the day given in intake "
            + "for the current therapist's start")
    @APIResponse(responseCode = "404", description = "No such client for the caller: another clinic's client, or "
            + "(for a therapist) a client who is not theirs",
            content = @Content(mediaType = "application/problem+json"))
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "at a time, where it is held", value = """
                    {"clientId":"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f","scheduledAt":"2026-11-27T14:00:00+01:00","sessionNumber":3}"""),
            @ExampleObject(name = "on a day, numbered next", value = """
                    {"clientId":"3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f","sessionDate":"2026-11-27"}""") }))
    public Response schedule(@NotNull @Valid ScheduleSession request) {
        OffsetDateTime at;
        if (request.scheduledAt() != null) {
            at = request.scheduledAt();
            if (request.sessionDate() != null && !request.sessionDate().equals(at.toLocalDate())) {
                // two dates for one session: which was meant is not ours to guess (outside probe: one was dropped)
                throw ProblemException.invalid("sessionDate", "is " + request.sessionDate() + " but scheduledAt is on "
                        + at.toLocalDate() + "; give scheduledAt alone");
            }
        } else if (request.sessionDate() != null) {
            at = SessionCommands.startOf(request.sessionDate());
        } else {
            throw ProblemException.invalid("scheduledAt", "is required (an ISO-8601 date-time with offset)");
        }
        if (!Require.inSessionYears(at.toInstant()) || !Require.inSessionYears(at.toLocalDate())) {
            // a typo such as year 0001 or 99999: every consumer would carry it (the event contract refuses it too).
            // Both the instant and the day where the session is held (its date): 1899-12-31T20:00-05:00 is 1900 in UTC.
            throw ProblemException.invalid(request.scheduledAt() != null ? "scheduledAt" : "sessionDate",
                    Require.SESSION_YEARS);
        }
        Session session = commands.schedule(request.clientId(), at, request.sessionNumber());
        return Response.created(URI.create("/api/sessions/" + session.id)).entity(SessionView.of(session)).build();
    }

    @Operation(summary = "One session, by its id",
            description = "Who may call: admins, the clinic's staff, therapists. Another clinic's staff, or a therapist the"
                    + " client is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public SessionView get(@PathParam("id") UUID id) {
        return SessionView.of(Session.findReadable(id, access));
    }
}
