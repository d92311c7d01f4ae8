package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.dyad.DyadAccess;
import org.alliancepulse.session.session.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/sessions/{id}/feedback")
public class FeedbackResource {

    @Inject
    Outbox outbox;

    @Inject
    DyadAccess access;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    public record SubmitFeedback(@NotBlank String instrument, @NotNull List<BigDecimal> answers) {
    }

    public record FeedbackView(UUID id, UUID sessionId, String instrument, List<BigDecimal> answers,
            BigDecimal total, Map<String, BigDecimal> subscales, Instant submittedAt) {
    }

    /** Answers entered by staff or the therapist on the client's behalf, e.g. from a paper form. */
    @POST
    @RolesAllowed({ Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @Idempotent
    public Response submit(@PathParam("id") UUID sessionId, @NotNull @Valid SubmitFeedback request) {
        Session session = Session.findAccessible(sessionId, access);
        Instrument instrument = Scoring.instrument(request.instrument()).orElseThrow(() -> ProblemException
                .invalid("instrument", "unknown instrument; known: SRS, WAI-SR, ORS"));
        List<Scoring.Refusal> refusals = Scoring.check(instrument, request.answers());
        if (!refusals.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Invalid request", 400,
                    refusals.get(0).field() + " " + refusals.get(0).message(),
                    refusals.stream().map(r -> new Problem.Violation(r.field(), r.message())).toList()));
        }
        if (session.sessionDate.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.unprocessable("feedback is given after a session; this one is on "
                    + session.sessionDate);
        }
        if (Feedback.exists(session.id, instrument.code())) {
            throw ProblemException.conflict(instrument.code() + " feedback for this session was already submitted");
        }
        Scoring.Score score = Scoring.score(instrument, request.answers());
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.sessionId = session.id;
        feedback.instrument = instrument.code();
        feedback.answers = write(request.answers());
        feedback.total = score.total();
        feedback.subscales = write(score.subscales());
        feedback.enteredBy = caller.username();
        feedback.submittedAt = Instant.now();
        feedback.persist();

        Dyad dyad = Dyad.findById(session.clientId);
        outbox.publish(new FeedbackSubmitted(feedback.id, session.id, session.clientId, dyad.clientCode,
                session.therapistId, session.clinicId, session.sessionDate, instrument.code(), request.answers(),
                score.total(), score.subscales(), feedback.submittedAt));
        return Response.status(Response.Status.CREATED).entity(new FeedbackView(feedback.id, session.id,
                instrument.code(), request.answers(), score.total(), score.subscales(), feedback.submittedAt))
                .build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
