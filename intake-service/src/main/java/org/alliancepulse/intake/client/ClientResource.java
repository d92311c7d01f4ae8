package org.alliancepulse.intake.client;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.intake.access.ClinicScope;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.intake.episode.CareAssignment;
import org.alliancepulse.intake.episode.Episode;
import org.alliancepulse.intake.language.LanguageCode;
import org.alliancepulse.intake.language.Legible;
import org.alliancepulse.intake.therapist.Therapist;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.ProblemException;
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

import io.quarkus.panache.common.Page;

/**
 * Clinic staff take clients in, find them and read their record; a therapist reads their own current clients; admins
 * carry out a client's rights of access (export) and erasure.
 */
@Path("/api/clients")
public class ClientResource {

    /** No client of a clinic today was born before it: an earlier date of birth is a typo. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    @Inject
    ClientService clients;

    @Inject
    ClinicScope scope;

    @Inject
    org.alliancepulse.intake.episode.EpisodeService episodes;

    public record Preferences(@Size(max = 20) List<@NotBlank @Size(max = 60) String> specialties,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> modalities,
            @Size(max = 2000) String notes) {
    }


    /**
     * @param consentToRoutineFeedback absent means no consent
     * @param consentToContact absent means no consent
     */
    public record RegisterClient(
            @NotBlank String clinicId,
            @NotBlank @Size(max = 100) @Legible String firstName,
            @NotBlank @Size(max = 100) @Legible String lastName,
            @NotNull @Past LocalDate dateOfBirth,
            @Email @Size(max = 320) String email,
            // empty is none, as for the email (outside probe: "" was a 400 here and none there)
            @Pattern(regexp = "(\\+?[0-9 ()-]{5,30})?", message = "must be a phone number: digits, spaces, ( ) - and an optional leading +") String phone,
            @LanguageCode String preferredLanguage,
            Boolean consentToRoutineFeedback,
            Boolean consentToContact,
            @Valid Preferences preferences,
            @Size(max = 4000) String intakeGoals) {

        /** @throws ProblemException 400 for a date of birth before {@link #EARLIEST_BIRTH} */
        ClientService.Intake intake() {
            if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
                // a typo such as year 0001 or -99999 (which the database would refuse, quoting it in its log)
                throw ProblemException.invalid("dateOfBirth", "must be " + EARLIEST_BIRTH + " or later");
            }
            Preferences p = preferences == null ? new Preferences(null, null, null) : preferences;
            return new ClientService.Intake(clinicId, firstName, lastName, dateOfBirth, email, phone,
                    preferredLanguage, Boolean.TRUE.equals(consentToRoutineFeedback),
                    Boolean.TRUE.equals(consentToContact), p.specialties() == null ? List.of() : p.specialties(),
                    p.modalities() == null ? List.of() : p.modalities(), p.notes(), intakeGoals);
        }
    }

    /** Everything intake holds on a client: the record, the episodes, the dyads and who accessed the record. */
    @Schema(example = """
            {
              "client": """ + ClientViews.Full.EXAMPLE + """
              ,
              "episodes": [
                {
                  "id": "0bed0347-665e-48f1-b083-d45d49eda391",
                  "openedAt": "2026-09-28T10:15:30.123456Z",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "closedAt": null,
                  "ending": null,
                  "endDate": null
                }
              ],
              "assignments": [
                {
                  "episodeId": "0bed0347-665e-48f1-b083-d45d49eda391",
                  "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "startedAt": "2026-09-30T00:00:00Z",
                  "endedAt": null,
                  "endReason": null
                }
              ],
              "phiAccess": [
                {
                  "accessedAt": "2026-09-28T10:15:30.123456Z",
                  "actor": "staff-north",
                  "action": "REGISTER"
                },
                {
                  "accessedAt": "2026-09-28T10:16:02.541200Z",
                  "actor": "staff-north",
                  "action": "ASSIGN"
                },
                {
                  "accessedAt": "2026-11-27T09:00:00.000000Z",
                  "actor": "staff-north",
                  "action": "EXPORT"
                }
              ],
              "exportedAt": "2026-11-27T09:00:00.000000Z"
            }""")
    public record Export(ClientViews.Full client, List<EpisodeEntry> episodes, List<AssignmentEntry> assignments,
            List<AccessEntry> phiAccess, Instant exportedAt) {
    }

    public record EpisodeEntry(UUID id, Instant openedAt, UUID therapistId, Instant closedAt, String ending,
            LocalDate endDate) {
    }

    public record AssignmentEntry(UUID episodeId, UUID therapistId, Instant startedAt, Instant endedAt,
            String endReason) {
    }

    public record AccessEntry(Instant accessedAt, String actor, String action) {
    }

    @Operation(summary = "Register a client (the only PHI in the network)",
            description = "Stores the name, date of birth and contact here and announces ClientRegistered with only the id,"
                    + " the clinic, a pseudonymous client code and an age band. The same person at the clinic again is "
                    + "a 409 naming the existing client. Who may call: the clinic's staff.")
    @POST
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @Idempotent
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "intake", value = """
            {"clinicId":"north","firstName":"Ingrid","lastName":"Halvorsen","dateOfBirth":"1987-03-14",
             "email":"ingrid@example.org","phone":"+47 912 34 567","preferredLanguage":"no",
             "consentToRoutineFeedback":true,"consentToContact":true,
             "preferences":{"specialties":["anxiety"],"modalities":["CBT"],"notes":"prefers mornings"},
             "intakeGoals":"sleep better, return to work"}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location: the client",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ClientViews.Full.class)))
    public Response register(@NotNull @Valid RegisterClient request) {
        scope.requireClinic(request.clinicId());
        Client client = clients.register(scope.actor(), request.intake());
        return Response.created(URI.create("/api/clients/" + client.id)).entity(ClientViews.Full.of(client)).build();
    }


    /**
     * A part of a name, as the search compares it: trimmed, composed as names are stored (an accent typed apart finds
     * the name typed with the accented letter), lower case, at least two characters.
     */
    static String nameFilter(String name) {
        if (name == null) {
            return null;
        }
        String part = PersonNames.stored(name).toLowerCase(java.util.Locale.ROOT);
        if (part.length() < 2 || part.length() > 100) {
            throw ProblemException.invalid("name", "must be 2 to 100 characters of the client's first or last name");
        }
        return part;
    }

    /**
     * Staff: their clinic's clients; a therapist: their own current clients. {@code name} finds a part of the first
     * or last name (case-insensitive), {@code dateOfBirth} the day (staff only): a returning client is found without
     * paging through every name. Every listed client's PHI read is audited.
     */
    @Operation(summary = "Find clients: by code, name, date of birth, therapist, status",
            description = "A page of the clinic's clients (a therapist: their own current clients). Every client listed is "
                    + "audited as a read. Who may call: the clinic's staff, therapists.")
    @GET
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    public ClientViews.SummaryPage list(
            @Parameter(description = "the client's pseudonymous code", example = "C-7KQ3MZ")
            @QueryParam("clientCode") String clientCode,
            @Parameter(description = "a part of the first or last name, or of both together (2-100 characters, "
                    + "case-insensitive, taken literally)", example = "halvor") @QueryParam("name") String name,
            @Parameter(description = "the date of birth (staff only; a therapist's search by it is a 403)",
                    schema = @Schema(type = SchemaType.STRING, format = "date"), example = "1987-03-14")
            @QueryParam("dateOfBirth") String dateOfBirthParam,
            @Parameter(description = "the current therapist's id", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("therapistId") String therapistParam,
            @Parameter(description = "where the client stands", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "WAITING", "IN_CARE", "DISCHARGED" })) @QueryParam("status") String statusParam,
            @Parameter(description = "the page, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String pageParam,
            @Parameter(description = "clients per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "20")) @QueryParam("size") String sizeParam) {
        // read here, so a malformed one is a 400 naming it (the framework's conversion answers a bare 404)
        UUID therapistId = QueryParameters.uuid("therapistId", therapistParam);
        String nameFilter = nameFilter(name);
        LocalDate dateOfBirth = QueryParameters.date("dateOfBirth", dateOfBirthParam).orElse(null);
        if (dateOfBirth != null && scope.isTherapistOnly()) {
            // a therapist's view of a client has no date of birth; a search by it would tell it
            throw ProblemException.forbidden("therapists do not see clients' dates of birth, nor search by them");
        }
        QueryParameters.Paging paging = QueryParameters.paging(pageParam, sizeParam, 20, 200);
        int page = paging.page();
        int size = paging.size();
        Client.Status status = status(statusParam);
        String clinic;
        UUID therapist = therapistId;
        if (scope.isTherapistOnly()) {
            UUID self = scope.callingTherapistId();
            if (self == null || (therapistId != null && !therapistId.equals(self))) {
                return new ClientViews.SummaryPage(List.of(), page, size, 0);
            }
            therapist = self;
            clinic = Therapist.<Therapist>findById(self).clinicId;
        } else {
            clinic = scope.callersClinic();
        }
        var query = clients.search(clinic, clientCode, nameFilter, dateOfBirth, therapist, status);
        long total = query.count();
        List<Client> found = query.page(Page.of(page, size)).list();
        found.forEach(c -> PhiAccessLog.record(scope.actor(), "LIST", c.id));
        return new ClientViews.SummaryPage(found.stream().map(ClientViews.Summary::of).toList(), page, size, total);
    }

    private static Client.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Client.Status.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of WAITING, IN_CARE, DISCHARGED");
        }
    }

    /** Staff of the client's clinic: the full record; the client's current therapist: what they need. Audited. */
    @Operation(summary = "A client's record",
            description = "Staff see the whole record; the client's therapist what they need of it. Audited. Who may call: "
                    + "the clinic's staff, therapists. Another clinic's staff, or a therapist the client is not "
                    + "assigned to, get the 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @APIResponse(responseCode = "200", description = "Staff of the client's clinic: the whole record; the client's "
            + "therapist: what they need of it (no date of birth, no contact)", content = @Content(
                    mediaType = "application/json", schema = @Schema(oneOf = { ClientViews.Full.class,
                            ClientViews.ForTherapist.class })))
    public Object get(@PathParam("id") UUID id) {
        Client client = scope.clientForReader(id);
        PhiAccessLog.record(scope.actor(), "READ", client.id);
        return scope.isTherapistOnly() ? ClientViews.ForTherapist.of(client) : ClientViews.Full.of(client);
    }

    /** The client's right to rectification (see {@link ClientService#rectify}). */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "the name corrected, a new phone, consent to contact withdrawn", value = """
            {"clinicId":"north","firstName":"Ingrid","lastName":"Halvorsen-Berg","dateOfBirth":"1987-03-14",
             "email":"ingrid@example.org","phone":"+47 912 34 568","preferredLanguage":"no",
             "consentToRoutineFeedback":true,"consentToContact":false,
             "preferences":{"specialties":["anxiety"],"modalities":["CBT"],"notes":"prefers mornings"},
             "intakeGoals":"sleep better, return to work"}""")))
    @APIResponse(responseCode = "200", description = "Corrected: the record as it now is",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ClientViews.Full.class)))
    @Operation(summary = "Correct a client's record (right to rectification)",
            description = "The whole record, as at registration: what is left out is cleared (absent consents are "
                    + "no consent). Staff of the client's clinic; the clinic stays. The same person as another client "
                    + "of the clinic is a 409 naming that one; an erased client's record a 409. Nothing leaves intake. "
                    + "Who may call: the clinic's staff. Another clinic's staff get the 404 of an unknown id; other "
                    + "roles a 403.")
    public ClientViews.Full rectify(@PathParam("id") UUID id, @NotNull @Valid RegisterClient request) {
        Client client = scope.clientForStaff(id);
        return ClientViews.Full.of(clients.rectify(scope.actor(), client, request.intake()));
    }

    /** The client's right of access: everything intake holds on them. Audited. */
    @Operation(summary = "Everything intake keeps on a client (right of access)",
            description = "The record, episodes, assignments and who accessed it. Audited. Who may call: admins, the "
                    + "clinic's staff. Another clinic's staff get the 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{id}/export")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF })
    @Transactional
    public Export export(@PathParam("id") UUID id) {
        Client client = scope.clientForStaff(id);
        PhiAccessLog.record(scope.actor(), "EXPORT", client.id);
        List<EpisodeEntry> episodes = Episode.ofClient(client.id).stream()
                .map(e -> new EpisodeEntry(e.id, e.openedAt, e.therapistId, e.closedAt,
                        e.ending == null ? null : e.ending.name(), e.endDate)).toList();
        List<AssignmentEntry> assignments = CareAssignment.ofClient(client.id).stream()
                .map(a -> new AssignmentEntry(a.episodeId, a.therapistId, a.startedAt, a.endedAt,
                        a.endReason == null ? null : a.endReason.name())).toList();
        List<AccessEntry> access = PhiAccessLog.ofClient(client.id).stream()
                .map(e -> new AccessEntry(e.accessedAt, e.actor, e.action)).toList();
        return new Export(ClientViews.Full.of(client), episodes, assignments, access,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * The client's right to erasure: name, date of birth, contact and free text are deleted; the pseudonymous id and
     * code stay → {@code ClientErased}. An open episode ends with it (ADMINISTRATIVE → {@code EpisodeClosed}): nothing
     * more can be recorded for the client. Repeating it changes nothing.
     */
    @Operation(summary = "Erase a client's PHI (right to erasure)",
            description = "Deletes the name, date of birth, contact and free text; the pseudonymous id and code stay. "
                    + "Announces ClientErased; an open episode ends with it. Repeating it changes nothing. Who may "
                    + "call: admins.")
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "204", description = "Erased (also when it was erased before)")
    public Response erase(@PathParam("id") UUID id) {
        Client client = scope.clientForStaff(id);
        if (!client.erased()) {
            // first: every consumer ends the episode (and resolves its alerts) before it is told to forget
            episodes.closeOnErasure(scope.actor(), client);
        }
        clients.erase(scope.actor(), client);
        return Response.noContent().build();
    }
}
