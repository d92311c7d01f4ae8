package org.alliancepulse.intake.therapist;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.intake.access.ClinicScope;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.intake.language.LanguageCode;
import org.alliancepulse.intake.language.Legible;
import org.alliancepulse.platform.problem.QueryParameters;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Admins register therapists anywhere, clinic staff at their own clinic; both keep their profile up to date. */
@Path("/api/therapists")
public class TherapistResource {

    @Inject
    TherapistService therapists;

    @Inject
    ClinicScope scope;

    @Inject
    Caller caller;

    @Inject
    TherapistConfig config;

    public record RegisterTherapist(
            @NotBlank String clinicId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}", message = "must be the identity provider login: 2-100 letters, digits or . _ @ -") String username,
            @NotBlank @Size(max = 200) @Legible String displayName,
            @NotBlank @Email @Size(max = 320) String workEmail,
            @Size(max = 20) List<@NotBlank @LanguageCode String> languages,
            @Size(max = 50) List<@NotBlank @Size(max = 60) String> specialties,
            @Size(max = 50) List<@NotBlank @Size(max = 60) String> modalities,
            @Min(0) @Max(10000) Integer caseloadCapacity,
            Boolean active) {

        TherapistProfile profile(int defaultCapacity) {
            if (languages == null && specialties == null && modalities == null && caseloadCapacity == null
                    && active == null) {
                return null;
            }
            return new TherapistProfile(languages, specialties, modalities,
                    caseloadCapacity == null ? defaultCapacity : caseloadCapacity, active == null || active);
        }
    }

    /** The whole new state of a therapist (PUT replaces it). */
    public record UpdateTherapist(
            @NotBlank @Size(max = 200) @Legible String displayName,
            @NotBlank @Email @Size(max = 320) String workEmail,
            @NotNull @Size(max = 20) List<@NotBlank @LanguageCode String> languages,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 60) String> specialties,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = 60) String> modalities,
            @NotNull @Min(0) @Max(10000) Integer caseloadCapacity,
            @NotNull Boolean active) {
    }

    @Schema(example = """
            {
              "id": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
              "clinicId": "north",
              "username": "dr-north",
              "displayName": "Dr. Nora Nordby",
              "workEmail": "dr-north@north.clinic.example",
              "languages": [
                "no",
                "en"
              ],
              "specialties": [
                "anxiety",
                "depression"
              ],
              "modalities": [
                "CBT"
              ],
              "caseloadCapacity": 25,
              "caseload": 18,
              "active": true,
              "takesNewClients": true,
              "registeredAt": "2026-09-01T08:05:00.000000Z"
            }""")
    public record TherapistView(UUID id, String clinicId, String username, String displayName, String workEmail,
            List<String> languages, List<String> specialties, List<String> modalities, int caseloadCapacity,
            long caseload, boolean active, boolean takesNewClients, Instant registeredAt) {

        static TherapistView of(Therapist t) {
            long caseload = TherapistService.caseload(t.id);
            return new TherapistView(t.id, t.clinicId, t.username, t.displayName, t.workEmail, t.languages,
                    t.specialties, t.modalities, t.caseloadCapacity, caseload, t.active,
                    t.active && caseload < t.caseloadCapacity, t.registeredAt);
        }
    }

    @Operation(summary = "Register a therapist",
            description = "Announces TherapistRegistered with the work email notifications go to; the username is the "
                    + "identity provider login. Who may call: admins, the clinic's staff.")
    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "a therapist", value = """
            {"clinicId":"north","username":"dr-okafor","displayName":"Dr Okafor",
             "workEmail":"okafor@north.clinic.example","languages":["en","no"],"specialties":["anxiety"],
             "modalities":["CBT"],"caseloadCapacity":20}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location: the therapist",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TherapistView.class)))
    public Response register(@NotNull @Valid RegisterTherapist request) {
        scope.requireClinic(request.clinicId());
        Therapist therapist = therapists.register(request.clinicId(), request.username(), request.displayName(),
                request.workEmail(), request.profile(config.defaultCaseloadCapacity()));
        return Response.created(URI.create("/api/therapists/" + therapist.id)).entity(TherapistView.of(therapist))
                .build();
    }

    @Operation(summary = "Change a therapist's details, capacity or activity",
            description = "Announces TherapistUpdated. Who may call: admins, the clinic's staff. Another clinic's staff get"
                    + " the 404 of an unknown id; other roles a 403.")
    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "on leave", value = """
            {"displayName":"Dr Okafor","workEmail":"okafor@north.clinic.example","languages":["en","no"],
             "specialties":["anxiety","trauma"],"modalities":["CBT"],"caseloadCapacity":20,"active":false}""")))
    public TherapistView update(@PathParam("id") UUID id, @NotNull @Valid UpdateTherapist request) {
        Therapist therapist = scope.therapistForStaff(id);
        return TherapistView.of(therapists.update(therapist, request.displayName(), request.workEmail(),
                new TherapistProfile(request.languages(), request.specialties(), request.modalities(),
                        request.caseloadCapacity(), request.active())));
    }

    @Operation(summary = "One therapist, with their caseload",
            description = "Who may call: admins, the clinic's staff. Another clinic's staff get the 404 of an unknown id; "
                    + "other roles a 403.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    public TherapistView get(@PathParam("id") UUID id) {
        return TherapistView.of(scope.therapistForStaff(id));
    }

    /**
     * Therapists of one clinic (staff: always their own; admins: any, or all), filtered by what is given.
     *
     * @param takesNewClients {@code true}: only active therapists with free capacity
     */
    @Operation(summary = "The therapists of a clinic, with their caseloads",
            description = "Who may call: admins, the clinic's staff.")
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    public List<TherapistView> list(
            @Parameter(description = "a clinic's id (admins; staff see their own clinic's)", example = "north")
            @QueryParam("clinicId") String clinicId,
            @Parameter(description = "still working at the clinic", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("active") String activeParam,
            @Parameter(description = "a language they work in (ISO 639-1)", example = "no")
            @QueryParam("language") String language,
            @Parameter(description = "a specialty they offer", example = "anxiety")
            @QueryParam("specialty") String specialty,
            @Parameter(description = "a modality they offer", example = "CBT") @QueryParam("modality") String modality,
            @Parameter(description = "whether they take new clients (below their capacity)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("takesNewClients") String takesNewClientsParam) {
        // "maybe" is a 400 naming the parameter, not a filter that matches nothing
        Boolean active = QueryParameters.bool("active", activeParam);
        Boolean takesNewClients = QueryParameters.bool("takesNewClients", takesNewClientsParam);
        String own = caller.clinicId().orElse("");
        if (!caller.isAdmin() && clinicId != null && !clinicId.equals(own)) {
            return List.of(); // another clinic's therapists are not the caller's to see
        }
        String clinic = caller.isAdmin() ? clinicId : own;
        return TherapistService.list(clinic, active, language, specialty, modality).stream().map(TherapistView::of)
                .filter(v -> takesNewClients == null || v.takesNewClients() == takesNewClients).toList();
    }
}
