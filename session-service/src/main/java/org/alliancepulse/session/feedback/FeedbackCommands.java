package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.problem.ProblemException;
import org.alliancepulse.session.link.FeedbackLinks;
import org.alliancepulse.session.dyad.Dyad;
import org.alliancepulse.session.attendance.AttendanceCommands;
import org.alliancepulse.session.instrument.Instrument;
import org.alliancepulse.session.instrument.InstrumentCatalog;
import org.alliancepulse.session.instrument.Scoring;
import org.alliancepulse.session.session.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records, scores and corrects feedback, whoever entered it (staff, the therapist, or the client through a link),
 * and publishes it. Runs in the caller's transaction; refuses before storing anything.
 */
@ApplicationScoped
public class FeedbackCommands {

    /** Clocks differ a little; a given-at time this far ahead of ours still counts as now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Inject
    Outbox outbox;

    @Inject
    InstrumentCatalog instruments;

    @Inject
    AttendanceCommands attendance;

    @Inject
    ObjectMapper json;

    /** Answers checked and scored, not stored yet. */
    public record Checked(Instrument instrument, List<BigDecimal> answers, Scoring.Score score) {
    }

    /** @throws ProblemException 400 naming the instrument or the item */
    public Checked check(String instrumentCode, JsonNode answers, String field) {
        Instrument instrument = instruments.require(instrumentCode, "instrument");
        Scoring.Read read = Scoring.read(instrument, answers);
        if (!read.refusals().isEmpty()) {
            throw InstrumentCatalog.refused(read.refusals().stream()
                    .map(r -> new Scoring.Refusal(field + r.field().substring("answers".length()), r.message()))
                    .toList());
        }
        return new Checked(instrument, read.answers(), Scoring.score(instrument, read.answers()));
    }

    /**
     * @param givenAt when the client answered; null for now
     * @param enteredBy the login of whoever entered it, or {@code client-link}
     */
    public Feedback submit(Session session, Checked checked, Instant givenAt, String enteredBy) {
        session.lockForOutcomeOrAnswers(); // before its outcome is read: a no-show on its way waits or is seen
        // to the microsecond, as the database keeps it: the answer, the event and a later read say the same time
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant given = (givenAt == null ? now : givenAt).truncatedTo(ChronoUnit.MICROS);
        requireAnswerable(session, given, now);
        if (Feedback.exists(session.id, checked.instrument().code())) {
            throw ProblemException.conflict(checked.instrument().code()
                    + " feedback for this session was already submitted; PUT corrects it");
        }
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.sessionId = session.id;
        feedback.instrument = checked.instrument().code();
        apply(feedback, checked, given, enteredBy);
        feedback.submittedAt = now;
        feedback.persist();
        attendance.attendedByItsAnswers(session);
        outbox.publish(new FeedbackSubmitted(feedback.id, session.id, session.clientId, clientCode(session),
                session.therapistId, session.clinicId, session.sessionDate, feedback.instrument, checked.answers(),
                checked.score().total(), checked.score().subscales(), feedback.givenAt, session.sessionNumber,
                session.scheduledAt, checked.score().allianceIndex(), checked.score().subscaleIndices(),
                feedback.enteredBy));
        return feedback;
    }

    /**
     * Replaces a feedback's answers, keeping the replaced ones and who replaced them.
     *
     * @param byStaff the corrector is the clinic's staff; otherwise the session's therapist, who may not correct
     *        what the client gave through their own link: those are the client's ratings of that therapist, and
     *        alerts about the therapist follow a correction (outside probe: the rated therapist turned a client's
     *        answers into better ones)
     */
    public Feedback correct(Session session, Checked checked, Instant givenAt, String by, boolean byStaff) {
        session.lockForOutcomeOrAnswers();
        Feedback feedback = Feedback.of(session.id, checked.instrument().code()).orElseThrow(() -> ProblemException
                .notFound("no " + checked.instrument().code() + " feedback for this session to correct"));
        if (!byStaff && (FeedbackLinks.CLIENT.equals(feedback.enteredBy) || FeedbackRevision.of(feedback.id).stream()
                .anyMatch(r -> FeedbackLinks.CLIENT.equals(r.enteredBy)))) {
            throw ProblemException.forbidden("the client gave these answers through their own link; only the "
                    + "clinic's staff may correct them");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant given = (givenAt == null ? feedback.givenAt : givenAt).truncatedTo(ChronoUnit.MICROS);
        requireAnswerable(session, given, now);
        List<BigDecimal> previous = answersOf(feedback.answers);
        if (given.equals(feedback.givenAt) && sameNumbers(previous, checked.answers())) {
            // the same correction sent again (a PUT retried, a form saved twice) changes nothing: no revision, no
            // FeedbackCorrected, as a PUT is to be repeatable (outside probe: each repeat was a correction)
            return feedback;
        }
        FeedbackRevision original = new FeedbackRevision();
        original.id = UUID.randomUUID();
        original.feedbackId = feedback.id;
        original.answers = feedback.answers;
        original.total = feedback.total;
        original.subscales = feedback.subscales;
        original.allianceIndex = feedback.allianceIndex;
        original.enteredBy = feedback.enteredBy;
        original.givenAt = feedback.givenAt;
        original.replacedAt = now;
        original.replacedBy = by;
        original.persist();
        apply(feedback, checked, given, by);
        feedback.correctedAt = now;
        outbox.publish(new FeedbackCorrected(feedback.id, session.id, session.clientId, clientCode(session),
                session.therapistId, session.clinicId, session.sessionNumber, session.scheduledAt,
                session.sessionDate, feedback.instrument, checked.answers(), checked.score().total(),
                checked.score().subscales(), checked.score().allianceIndex(), previous, feedback.givenAt, now,
                checked.score().subscaleIndices(), by));
        return feedback;
    }

    /** 8 and 8.0 are the same answer. */
    private static boolean sameNumbers(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** @param answers a stored JSON array of answers */
    public List<BigDecimal> answersOf(String answers) {
        return read(answers, new TypeReference<List<BigDecimal>>() {
        });
    }

    public Map<String, BigDecimal> subscalesOf(String subscales) {
        return read(subscales, new TypeReference<Map<String, BigDecimal>>() {
        });
    }

    private void requireAnswerable(Session session, Instant given, Instant now) {
        session.requireClientNotErased(); // also for a link's answers: the erasure ends links, this closes the race
        if (session.scheduledAt.isAfter(now)) {
            throw ProblemException.unprocessable("feedback is given after a session; this one begins at "
                    + session.scheduledAt);
        }
        if (session.status == Session.Status.NO_SHOW || session.status == Session.Status.CANCELLED_BY_CLIENT
                || session.status == Session.Status.CANCELLED_BY_CLINIC) {
            throw ProblemException.conflict("this session did not take place (" + session.status + ")");
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("givenAt", "lies in the future");
        }
        if (given.isBefore(session.scheduledAt)) {
            throw ProblemException.invalid("givenAt", "lies before the session began");
        }
    }

    private void apply(Feedback feedback, Checked checked, Instant given, String enteredBy) {
        feedback.answers = write(checked.answers());
        feedback.total = checked.score().total();
        feedback.subscales = write(checked.score().subscales());
        feedback.allianceIndex = checked.score().allianceIndex();
        feedback.enteredBy = enteredBy;
        feedback.givenAt = given;
    }

    private static String clientCode(Session session) {
        return Dyad.<Dyad>findById(session.clientId).clientCode;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
