package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.instrument.InstrumentCatalog;
import org.alliancepulse.session.session.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

@Path("/api/sessions/{id}/feedback")
public class FeedbackResource {

    /** What {@code answers} takes, in the OpenAPI document (the type is a JSON tree, read by the instrument). */
    static final String ANSWERS = "the answers: an array of numbers in item order ([7, 8, 7.5, 8]) or an object keyed "
            + "by item key ({\"relationship\": 7, ...})";

    @Inject
    FeedbackCommands commands;

    @Inject
    DyadAccess access;

    @Inject
    Caller caller;

    /**
     * @param answers an array in item order, or an object keyed by item key
     * @param givenAt when the client answered (ISO-8601 with offset); now when left out
     */
    @Schema(example = "{\"instrument\":\"SRS\",\"answers\":[7,8,7.5,8],\"givenAt\":\"2026-11-27T15:05:00+01:00\"}")
    public record SubmitFeedback(@NotBlank String instrument, @NotNull @Schema(implementation = Object.class,
            description = ANSWERS) JsonNode answers, OffsetDateTime givenAt) {
    }

    @Schema(example = "{\"answers\":{\"relationship\":8,\"goals\":8,\"approach\":7.5,\"overall\":8}}")
    /** @param instrument optional: the path names it; given, it must name the same one */
    public record CorrectFeedback(@NotNull @Schema(implementation = Object.class, description = ANSWERS)
            JsonNode answers, OffsetDateTime givenAt, String instrument) {
    }

    /**
     * Answers a correction replaced.
     *
     * @param enteredBy who entered them: a staff member's or therapist's login, or {@code client-link}
     * @param replacedBy whose correction replaced them
     */
    public record Original(List<BigDecimal> answers, BigDecimal total, Instant givenAt, String enteredBy,
            Instant replacedAt, String replacedBy) {
    }

    @Schema(example = "{\"id\":\"6c5b4a39-2817-4f6e-9d5c-4b3a29181706\",\"sessionId\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\","
            + "\"instrument\":\"SRS\",\"answers\":[7,8,7.5,8],\"total\":30.5,\"subscales\":{\"bond\":7,\"global\":8,"
            + "\"goals\":8,\"tasks\":7.5},\"allianceIndex\":76.25,\"givenAt\":\"2026-11-27T14:05:00Z\","
            + "\"enteredBy\":\"client-link\",\"correctedAt\":null,\"originals\":[]}")
    /** @param enteredBy who entered these answers (the corrector, once corrected), or {@code client-link} */
    public record FeedbackView(UUID id, UUID sessionId, String instrument, List<BigDecimal> answers,
            BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex, Instant givenAt,
            String enteredBy, Instant correctedAt, List<Original> originals) {

        /**
         * A feedback with the versions its corrections replaced; every number as plain as it is (8, not 8.0; 29.5,
         * not the stored 29.50), so that the answer to a POST and to a later GET read alike (outside probe).
         */
        public static FeedbackView of(Feedback f, FeedbackCommands commands) {
            List<Original> originals = FeedbackRevision.of(f.id).stream().map(r -> new Original(
                    plain(commands.answersOf(r.answers)), plain(r.total), r.givenAt, r.enteredBy, r.replacedAt,
                    r.replacedBy)).toList();
            Map<String, BigDecimal> subscales = new java.util.LinkedHashMap<>();
            commands.subscalesOf(f.subscales).forEach((name, value) -> subscales.put(name, plain(value)));
            return new FeedbackView(f.id, f.sessionId, f.instrument, plain(commands.answersOf(f.answers)),
                    plain(f.total), subscales, plain(f.allianceIndex), f.givenAt, f.enteredBy, f.correctedAt,
                    originals);
        }

        private static List<BigDecimal> plain(List<BigDecimal> numbers) {
            return numbers.stream().map(FeedbackView::plain).toList();
        }

        /** The number without trailing zeros after the point (and none added before it: 30, not 3E+1). */
        static BigDecimal plain(BigDecimal number) {
            if (number == null) {
                return null;
            }
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** Answers entered by staff or the therapist on the client's behalf, e.g. from a paper form. */
    @Operation(summary = "Record the client's answers to one instrument after a session",
            description = "Checks and scores them and announces FeedbackSubmitted (items, totals, subscales, the 0-100 "
                    + "alliance index). One per session and instrument. Who may call: the clinic's staff, therapists. "
                    + "Another clinic's staff, or a therapist the client is not assigned to, get the 404 of an unknown "
                    + "id; other roles a 403.")
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "Recorded; Location: the feedback",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedbackView.class)))
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "SRS, keyed by item", value = """
                    {"instrument":"SRS","answers":{"relationship":8,"goals":7.5,"approach":8,"overall":8.5},\
                    "givenAt":"2026-11-27T14:55:00+01:00"}"""),
            @ExampleObject(name = "ORS, in item order", value = """
                    {"instrument":"ORS","answers":[6,5.5,7,6]}"""),
            @ExampleObject(name = "WAI-SR, in item order", value = """
                    {"instrument":"WAI-SR","answers":[4,4,5,3,4,4,5,4,3,4,4,4]}""") }))
    public Response submit(@PathParam("id") UUID sessionId, @NotNull @Valid SubmitFeedback request) {
        Session session = Session.findAccessible(sessionId, access);
        FeedbackCommands.Checked checked = commands.check(request.instrument(), request.answers(), "answers");
        Feedback feedback = commands.submit(session, checked, instant(request.givenAt()), caller.username());
        return Response.created(UriBuilder.fromPath("/api/sessions/{id}/feedback/{instrument}")
                .build(sessionId, feedback.instrument)).entity(view(feedback)).build();
    }

    /**
     * Corrects one instrument's answers: FeedbackCorrected; the replaced answers stay readable as originals, with who
     * replaced them. What the client gave through their own link only the clinic's staff may correct.
     */
    @Operation(summary = "Correct answers recorded for a session",
            description = "Keeps the replaced answers and announces FeedbackCorrected; the same answers again change "
                    + "nothing. Who may call: the clinic's staff, therapists. Another clinic's staff, or a therapist "
                    + "the client is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @PUT
    @APIResponse(responseCode = "200", description = "Corrected (or the same answers again: nothing changed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "403", description = "The session's therapist correcting answers the client gave "
            + "through their own link (the clinic's staff may)", content = @Content(mediaType = "application/problem+json"))
    @Path("/{instrument}")
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "the paper form read again", value = """
                    {"answers":{"relationship":8,"goals":8,"approach":7.5,"overall":8}}""")))
    public FeedbackView correct(@PathParam("id") UUID sessionId, @PathParam("instrument") String instrument,
            @NotNull @Valid CorrectFeedback request) {
        Session session = Session.findAccessible(sessionId, access);
        if (request.instrument() != null
                && !InstrumentCatalog.canonical(request.instrument()).equals(InstrumentCatalog.canonical(instrument))) {
            // outside probe: {"instrument":"ORS",...} sent to .../feedback/SRS changed the SRS
            throw ProblemException.invalid("instrument", "this path corrects " + InstrumentCatalog.canonical(instrument)
                    + "; leave the instrument out of the body or name the same one");
        }
        FeedbackCommands.Checked checked = commands.check(instrument, request.answers(), "answers");
        return view(commands.correct(session, checked, instant(request.givenAt()), caller.username(),
                caller.isClinicStaff()));
    }

    @Operation(summary = "Every instrument's answers for a session",
            description = "Who may call: admins, the clinic's staff, therapists. Another clinic's staff, or a therapist the"
                    + " client is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public List<FeedbackView> list(@PathParam("id") UUID sessionId) {
        Session session = Session.findReadable(sessionId, access);
        return Feedback.<Feedback>list("sessionId = ?1 order by instrument", session.id).stream().map(this::view)
                .toList();
    }

    @Operation(summary = "One instrument's answers for a session, with their corrections",
            description = "Who may call: admins, the clinic's staff, therapists. Another clinic's staff, or a therapist the"
                    + " client is not assigned to, get the 404 of an unknown id; other roles a 403.")
    @GET
    @Path("/{instrument}")
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public FeedbackView get(@PathParam("id") UUID sessionId, @PathParam("instrument") String instrument) {
        Session session = Session.findReadable(sessionId, access);
        return view(Feedback.of(session.id, InstrumentCatalog.canonical(instrument))
                .orElseThrow(() -> ProblemException.notFound("no " + instrument + " feedback for this session")));
    }

    private FeedbackView view(Feedback f) {
        return FeedbackView.of(f, commands);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
