package org.alliancepulse.session.fhir;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.session.feedback.FeedbackCommands;
import org.alliancepulse.session.instrument.InstrumentCatalog;
import org.alliancepulse.session.session.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/sessions/{id}/feedback/{instrument}/fhir")
public class FhirExportResource {

    @Inject
    DyadAccess access;

    @Inject
    InstrumentCatalog instruments;

    @Inject
    FeedbackCommands feedback;

    /** One feedback as a FHIR R4 QuestionnaireResponse; the subject is the client's pseudonymous id. */
    @Operation(summary = "One instrument's answers as a FHIR R4 QuestionnaireResponse",
            description = "The subject is the client's pseudonymous id, never a name. Who may call: admins, the clinic's "
                    + "staff, therapists. Another clinic's staff, or a therapist the client is not assigned to, get the"
                    + " 404 of an unknown id; other roles a 403.")
    @GET
    @Produces({ QuestionnaireResponses.MEDIA_TYPE, "application/json" })
    @APIResponse(responseCode = "200", description = "The answers and the scores computed from them (status "
            + "amended once corrected); application/json gives the same document", content = {
                    @Content(mediaType = QuestionnaireResponses.MEDIA_TYPE, examples = @ExampleObject(name = "an SRS",
                            value = QuestionnaireResponses.EXAMPLE)),
                    @Content(mediaType = "application/json", examples = @ExampleObject(name = "an SRS",
                            value = QuestionnaireResponses.EXAMPLE)) })
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public Response export(@PathParam("id") UUID sessionId, @PathParam("instrument") String instrument) {
        Session session = Session.findReadable(sessionId, access);
        Feedback f = Feedback.of(session.id, InstrumentCatalog.canonical(instrument))
                .orElseThrow(() -> ProblemException.notFound("no " + instrument + " feedback for this session"));
        var response = QuestionnaireResponses.of(describe(f, session, instruments, feedback));
        return Response.ok(QuestionnaireResponses.json(response), QuestionnaireResponses.MEDIA_TYPE).build();
    }

    /** What one stored feedback says, as the FHIR mapping takes it. */
    public static QuestionnaireResponses.Feedback describe(Feedback f, Session session, InstrumentCatalog instruments,
            FeedbackCommands feedback) {
        return new QuestionnaireResponses.Feedback(f.id, session.id, session.clientId,
                instruments.require(f.instrument, "instrument"), feedback.answersOf(f.answers), f.total,
                feedback.subscalesOf(f.subscales), f.allianceIndex, f.givenAt,
                f.correctedAt != null ? f.correctedAt : f.submittedAt, f.correctedAt != null);
    }
}
