package org.alliancepulse.intake.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.intake.access.ClinicScope;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Clinic staff move a client through their care: assignment, reassignment, discharge, a new episode. */
@Path("/api/clients/{id}")
public class EpisodeResource {

    @Inject
    EpisodeService episodes;

    @Inject
    ClinicScope scope;

    /**
     * @param startDate the day care with this therapist began, for a course entered afterwards (a history); today
     *                  when left out. Not in the future.
     */
    public record AssignTherapist(@NotNull UUID therapistId, LocalDate startDate) {
    }

    /**
     * @param startDate the day the new therapist took over, for a course entered afterwards; today when left out.
     *                  After the day the current therapist took over, and not in the future. The previous
     *                  therapist's sessions are theirs up to that day.
     */
    public record ReassignTherapist(@NotNull UUID therapistId, @NotNull ClientReassigned.Reason reason,
            LocalDate startDate) {
    }

    /** @param endDate the clinical end, e.g. the last session attended; may be in the past */
    public record Discharge(@NotNull EpisodeClosed.Ending ending, @NotNull LocalDate endDate) {
    }

    @Schema(example = """
            {
              "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "clientCode": "C-7KQ3MZ",
              "episodeId": "0bed0347-665e-48f1-b083-d45d49eda391",
              "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
              "assignedAt": "2026-09-30T00:00:00Z"
            }""")
    public record AssignmentView(UUID clientId, String clientCode, UUID episodeId, UUID therapistId,
            Instant assignedAt) {

        static AssignmentView of(Client client, CareAssignment a) {
            return new AssignmentView(client.id, client.clientCode, a.episodeId, a.therapistId, a.startedAt);
        }
    }

    @Schema(example = """
            {
              "id": "0bed0347-665e-48f1-b083-d45d49eda391",
              "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "openedAt": "2026-09-28T10:15:30.123456Z",
              "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
              "closedAt": "2026-11-25T16:02:11.518204Z",
              "ending": "PLANNED",
              "endDate": "2026-11-25"
            }""")
    public record EpisodeView(UUID id, UUID clientId, Instant openedAt, UUID therapistId, Instant closedAt,
            EpisodeClosed.Ending ending, LocalDate endDate) {

        static EpisodeView of(Episode e) {
            return new EpisodeView(e.id, e.clientId, e.openedAt, e.therapistId, e.closedAt, e.ending, e.endDate);
        }
    }

    /** The first therapist of the open episode → {@code ClientAssigned}. */
    @Operation(summary = "Assign the client's first therapist of the episode",
            description = "Announces ClientAssigned. startDate dates it when it is entered later. Who may call: the "
                    + "clinic's staff. Another clinic's staff get the 404 of an unknown id; other roles a 403.")
    @POST
    @Path("/assignment")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "first therapist", value = """
                    {"therapistId":"6f1c2b9e-4a57-4d0e-9b8a-2f3c4d5e6f70"}"""),
            @ExampleObject(name = "a course entered afterwards", description = "care began on that day, last year", value = """
                    {"therapistId":"6f1c2b9e-4a57-4d0e-9b8a-2f3c4d5e6f70","startDate":"2025-03-03"}""") }))
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignTherapist request) {
        Client client = scope.clientForStaff(id);
        CareAssignment assignment = episodes.assign(scope.actor(), client, request.therapistId(),
                request.startDate());
        return Response.status(Response.Status.CREATED).entity(AssignmentView.of(client, assignment)).build();
    }

    /** Another therapist within the open episode → {@code ClientReassigned}. */
    @Operation(summary = "Change the client's therapist, with a reason",
            description = "Announces ClientReassigned: a new dyad begins, the former therapist no longer sees the client. "
                    + "Who may call: the clinic's staff. Another clinic's staff get the 404 of an unknown id; other "
                    + "roles a 403.")
    @POST
    @Path("/reassignment")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "poor fit", value = """
                    {"therapistId":"6f1c2b9e-4a57-4d0e-9b8a-2f3c4d5e6f70","reason":"FIT"}"""),
            @ExampleObject(name = "a change entered afterwards", description = "the new therapist took over on that day", value = """
                    {"therapistId":"6f1c2b9e-4a57-4d0e-9b8a-2f3c4d5e6f70","reason":"FIT","startDate":"2025-05-02"}""") }))
    @APIResponse(responseCode = "201", description = "Reassigned",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    public Response reassign(@PathParam("id") UUID id, @NotNull @Valid ReassignTherapist request) {
        Client client = scope.clientForStaff(id);
        CareAssignment assignment = episodes.reassign(scope.actor(), client, request.therapistId(),
                request.reason(), request.startDate());
        return Response.status(Response.Status.CREATED).entity(AssignmentView.of(client, assignment)).build();
    }

    /** Ends the open episode → {@code EpisodeClosed}. */
    @Operation(summary = "End the client's episode of care, with how it ended",
            description = "Announces EpisodeClosed (PLANNED, DROPOUT, ...) dated by endDate. Who may call: the clinic's "
                    + "staff. Another clinic's staff get the 404 of an unknown id; other roles a 403.")
    @POST
    @Path("/discharge")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "the client stopped coming", value = """
            {"ending":"DROPOUT","endDate":"2026-10-30"}""")))
    @APIResponse(responseCode = "200", description = "Discharged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EpisodeView.class)))
    public Response discharge(@PathParam("id") UUID id, @NotNull @Valid Discharge request) {
        Client client = scope.clientForStaff(id);
        Episode episode = episodes.discharge(scope.actor(), client, request.ending(), request.endDate());
        return Response.ok(EpisodeView.of(episode)).build();
    }

    /** A discharged client returns: a new episode opens, waiting for an assignment. */
    @Operation(summary = "Open a new episode of care for a discharged client",
            description = "Who may call: the clinic's staff. Another clinic's staff get the 404 of an unknown id; other "
                    + "roles a 403.")
    @POST
    @Path("/episodes")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "A new episode began",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EpisodeView.class)))
    public Response startEpisode(@PathParam("id") UUID id) {
        Client client = scope.clientForStaff(id);
        Episode episode = episodes.startNew(scope.actor(), client);
        return Response.status(Response.Status.CREATED).entity(EpisodeView.of(episode)).build();
    }

    @Operation(summary = "A client's episodes of care, with their endings",
            description = "Who may call: the clinic's staff. Another clinic's staff get the 404 of an unknown id; other "
                    + "roles a 403.")
    @GET
    @Path("/episodes")
    @RolesAllowed(Roles.CLINIC_STAFF)
    public List<EpisodeView> episodes(@PathParam("id") UUID id) {
        Client client = scope.clientForStaff(id);
        return Episode.ofClient(client.id).stream().map(EpisodeView::of).toList();
    }
}
