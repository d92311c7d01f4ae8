package org.alliancepulse.session.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.problem.QueryParameters;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.session.feedback.FeedbackCommands;
import org.alliancepulse.session.feedback.FeedbackResource.FeedbackView;
import org.alliancepulse.session.fhir.FhirExportResource;
import org.alliancepulse.session.fhir.QuestionnaireResponses;
import org.alliancepulse.session.instrument.InstrumentCatalog;
import org.alliancepulse.session.session.Session;
import org.alliancepulse.session.session.SessionResource.SessionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Everything this service holds about one client, in one answer: their sessions with attendance, and every
 * instrument's answers with the versions corrections replaced - as JSON, or the answers as one FHIR Bundle. For the
 * client's right of access (intake's export holds the intake record; this the sessions; analytics the alerts) and for
 * a clinic moving a record elsewhere. Nothing here names the client: ids and the pseudonymous code only.
 */
@Path("/api/clients/{clientId}")
public class ClientRecordResource {

    @Inject
    DyadAccess access;

    @Inject
    FeedbackCommands feedback;

    @Inject
    InstrumentCatalog instruments;

    /** One session and the answers given for it. */
    public record SessionRecord(SessionView session, List<FeedbackView> feedback) {
    }

    @Schema(example = """
            {
              "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
              "clientCode": "C-7KQ3MZ",
              "sessions": [
                {
                  "session": {
                    "id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                    "clientId": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    "clientCode": "C-7KQ3MZ",
                    "therapistId": "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                    "clinicId": "north",
                    "sessionNumber": 1,
                    "scheduledAt": "2026-11-20T13:00:00Z",
                    "sessionDate": "2026-11-20",
                    "status": "ATTENDED",
                    "late": null
                  },
                  "feedback": [
                    {
                      "id": "6c5b4a39-2817-4f6e-9d5c-4b3a29181706",
                      "sessionId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                      "instrument": "SRS",
                      "answers": [
                        9,
                        8.5,
                        9,
                        9
                      ],
                      "total": 35.5,
                      "subscales": {
                        "bond": 9,
                        "global": 9,
                        "goals": 8.5,
                        "tasks": 9
                      },
                      "allianceIndex": 88.75,
                      "givenAt": "2026-11-20T13:55:00Z",
                      "enteredBy": "client-link",
                      "correctedAt": null,
                      "originals": []
                    }
                  ]
                }
              ]
            }""")
    public record ClientSessions(UUID clientId, String clientCode, List<SessionRecord> sessions) {
    }

    /**
     * The client's sessions in the order they were held, each with its answers and their corrections. Admins and
     * the clinic's staff see them all; a therapist the sessions they held.
     */
    @GET
    @Path("/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Operation(summary = "A client's sessions with their answers and corrections",
            description = "The whole course, earlier therapists' sessions too. Who may call: admins, the clinic's "
                    + "staff, the therapist the client is assigned to now. Another clinic's staff, or another "
                    + "therapist, get the 404 of an unknown id; other roles a 403.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ClientSessions.class)))
    public ClientSessions sessions(@PathParam("clientId") String clientParam) {
        UUID clientId = clientId(clientParam);
        List<Session> sessions = Session.ofClientReadable(clientId, access);
        Map<UUID, List<Feedback>> answers = answersOf(sessions);
        List<SessionRecord> records = new ArrayList<>();
        for (Session session : sessions) {
            records.add(new SessionRecord(SessionView.of(session), answers.getOrDefault(session.id, List.of())
                    .stream().map(f -> FeedbackView.of(f, feedback)).toList()));
        }
        Dyad dyad = Dyad.findById(clientId);
        return new ClientSessions(clientId, dyad == null ? null : dyad.clientCode, records);
    }

    /** The same answers as one FHIR R4 Bundle (searchset) of QuestionnaireResponses. */
    @GET
    @Path("/questionnaire-responses")
    @Produces({ QuestionnaireResponses.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Operation(summary = "A client's answers as a FHIR R4 Bundle of QuestionnaireResponses",
            description = "Who may call: admins, the clinic's staff, the therapist the client is assigned to now. "
                    + "Another clinic's staff, or another therapist, get the 404 of an unknown id; other roles a 403.")
    @APIResponse(responseCode = "200", description = "A Bundle of type searchset",
            content = @Content(mediaType = QuestionnaireResponses.MEDIA_TYPE, examples = @ExampleObject(
                    name = "one SRS", value = QuestionnaireResponses.EXAMPLE_BUNDLE)))
    public Response questionnaireResponses(@PathParam("clientId") String clientParam) {
        UUID clientId = clientId(clientParam);
        List<Session> sessions = Session.ofClientReadable(clientId, access);
        Map<UUID, List<Feedback>> answers = answersOf(sessions);
        List<org.hl7.fhir.r4.model.QuestionnaireResponse> responses = new ArrayList<>();
        for (Session session : sessions) {
            for (Feedback f : answers.getOrDefault(session.id, List.of())) {
                responses.add(QuestionnaireResponses.of(FhirExportResource.describe(f, session, instruments,
                        feedback)));
            }
        }
        return Response.ok(QuestionnaireResponses.json(QuestionnaireResponses.bundle(responses)),
                QuestionnaireResponses.MEDIA_TYPE).build();
    }

    /** The sessions' answers in one query (not one per session), by session, each session's by instrument. */
    private static Map<UUID, List<Feedback>> answersOf(List<Session> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        return Feedback.<Feedback>list("sessionId in ?1 order by instrument",
                sessions.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(f -> f.sessionId, Collectors.toList()));
    }

    /** Read here, so that a malformed id is a 400 naming it (the framework's conversion answers a bare 404). */
    private static UUID clientId(String value) {
        return QueryParameters.uuid("clientId", value);
    }
}
