package org.alliancepulse.intake.clinic;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.intake.language.Legible;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/clinics")
public class ClinicResource {

    @Inject
    ClinicService clinics;

    @Inject
    Caller caller;

    /**
     * @param id lower-case letters, digits and dashes, e.g. {@code north}; becomes the staff's {@code clinic_id}
     * @param supervisorEmail where escalations go; optional
     */
    public record RegisterClinic(
            @NotBlank @Pattern(regexp = "(?=.{2,40}$)[a-z0-9]+(-[a-z0-9]+)*",
                    message = "must be 2-40 lower-case letters and digits, words joined by single dashes") String id,
            @NotBlank @Size(max = 200) @Legible String name,
            @Email @Size(max = 320) String supervisorEmail) {
    }

    public record UpdateClinic(@NotBlank @Size(max = 200) @Legible String name, @Email @Size(max = 320) String supervisorEmail) {
    }

    @Schema(example = """
            {
              "id": "north",
              "name": "North Clinic",
              "supervisorEmail": "lead@north.clinic.example",
              "registeredAt": "2026-09-01T08:00:00.000000Z"
            }""")
    public record ClinicView(String id, String name, String supervisorEmail, Instant registeredAt) {

        static ClinicView of(Clinic c) {
            return new ClinicView(c.id, c.name, c.supervisorEmail, c.registeredAt);
        }
    }

    @Operation(summary = "Register a clinic",
            description = "Announces ClinicRegistered. Who may call: admins.")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "a clinic", value = """
            {"id":"north","name":"North Clinic","supervisorEmail":"supervisor@north.clinic.example"}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location: the clinic",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClinicView.class)))
    public Response register(@NotNull @Valid RegisterClinic request) {
        Clinic clinic = clinics.register(request.id(), request.name(), request.supervisorEmail());
        return Response.created(URI.create("/api/clinics/" + clinic.id)).entity(ClinicView.of(clinic)).build();
    }

    /** Admins change any clinic; staff their own (another clinic is a 404). */
    @Operation(summary = "Rename a clinic or change its supervisor address",
            description = "Announces ClinicUpdated (the supervisor address receives escalations). Who may call: admins, the"
                    + " clinic's staff. Another clinic's staff get the 404 of an unknown id; other roles a 403.")
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "new supervisor", value = """
            {"name":"North Clinic","supervisorEmail":"lead@north.clinic.example"}""")))
    public ClinicView update(@PathParam("id") String id, @NotNull @Valid UpdateClinic request) {
        return ClinicView.of(clinics.update(visible(id), request.name(), request.supervisorEmail()));
    }

    @Operation(summary = "One clinic, by its id",
            description = "Who may call: admins, the clinic's staff. Another clinic's staff get the 404 of an unknown id; "
                    + "other roles a 403.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    public ClinicView get(@PathParam("id") String id) {
        return ClinicView.of(visible(id));
    }

    /** Admins: every clinic; staff: their own. */
    @Operation(summary = "The clinics of the network",
            description = "Who may call: admins, the clinic's staff.")
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    public List<ClinicView> list() {
        if (caller.isAdmin()) {
            return Clinic.<Clinic>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(ClinicView::of).toList();
        }
        return caller.clinicId().map(id -> Clinic.<Clinic>findById(id)).stream().filter(c -> c != null)
                .map(ClinicView::of).toList();
    }

    private Clinic visible(String id) {
        Clinic clinic = Clinic.findById(id);
        if (clinic == null) {
            throw ProblemException.notFound("no clinic with this id");
        }
        if (!(caller.isAdmin() || caller.worksAt(clinic.id))) {
            throw ProblemException.outOfScope("no clinic with this id");
        }
        return clinic;
    }
}
