package org.alliancepulse.contracts.session;

import static org.alliancepulse.contracts.Require.present;
import static org.alliancepulse.contracts.Require.sessionDay;
import static org.alliancepulse.contracts.Require.sessionTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventPayload;

/**
 * A client's answers to one instrument after one session, with the scores session-service computed from them. Item
 * answers only, never free text.
 *
 * @param instrument {@code SRS}, {@code WAI-SR} or {@code ORS}
 * @param answers item answers in item order
 * @param total the instrument's total score
 * @param subscales subscale name (e.g. {@code bond}, {@code goals}, {@code tasks}) to its score
 * @param submittedAt when the client gave the answers (a past time for answers entered later from paper)
 * @param sessionNumber the session's number in the client's course of sessions (1, 2, ...); absent in events
 *        published before it was added
 * @param scheduledAt when the session was scheduled to start; absent in events published before it was added
 * @param allianceIndex the total mapped to 0-100 for alliance instruments (SRS total x 2.5, WAI-SR (sum - 12) / 48
 *        x 100); absent for outcome instruments (ORS) and in events published before it was added
 * @param subscaleIndices each subscale on 0-100 by the same formula (alliance instruments only; bond, goals and tasks
 *        are the pillars a rupture names); absent for outcome instruments and in events published before it was added
 * @param enteredBy who entered the answers: the login of the clinic's staff or therapist who typed them in, or
 *        {@code client-link} when the client answered through their own one-time link (never the client's name);
 *        absent in events published before it was added
 */
public record FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
        String clinicId, LocalDate sessionDate, String instrument, List<BigDecimal> answers, BigDecimal total,
        Map<String, BigDecimal> subscales, Instant submittedAt, Integer sessionNumber, Instant scheduledAt,
        BigDecimal allianceIndex, Map<String, BigDecimal> subscaleIndices, String enteredBy) implements EventPayload {

    /** The shape before who entered the answers was added. */
    public FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
            String clinicId, LocalDate sessionDate, String instrument, List<BigDecimal> answers, BigDecimal total,
            Map<String, BigDecimal> subscales, Instant submittedAt, Integer sessionNumber, Instant scheduledAt,
            BigDecimal allianceIndex, Map<String, BigDecimal> subscaleIndices) {
        this(feedbackId, sessionId, clientId, clientCode, therapistId, clinicId, sessionDate, instrument, answers,
                total, subscales, submittedAt, sessionNumber, scheduledAt, allianceIndex, subscaleIndices, null);
    }

    /** The shape before subscale indices were added. */
    public FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
            String clinicId, LocalDate sessionDate, String instrument, List<BigDecimal> answers, BigDecimal total,
            Map<String, BigDecimal> subscales, Instant submittedAt, Integer sessionNumber, Instant scheduledAt,
            BigDecimal allianceIndex) {
        this(feedbackId, sessionId, clientId, clientCode, therapistId, clinicId, sessionDate, instrument, answers,
                total, subscales, submittedAt, sessionNumber, scheduledAt, allianceIndex, null, null);
    }

    /** The walking skeleton's shape, without session number, scheduled time and index. */
    public FeedbackSubmitted(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
            String clinicId, LocalDate sessionDate, String instrument, List<BigDecimal> answers, BigDecimal total,
            Map<String, BigDecimal> subscales, Instant submittedAt) {
        this(feedbackId, sessionId, clientId, clientCode, therapistId, clinicId, sessionDate, instrument, answers,
                total, subscales, submittedAt, null, null, null, null, null);
    }

    public FeedbackSubmitted {
        present(feedbackId, "feedbackId");
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
        present(instrument, "instrument");
        answers = List.copyOf(present(answers, "answers"));
        present(total, "total");
        subscales = Map.copyOf(present(subscales, "subscales"));
        present(submittedAt, "submittedAt");
        subscaleIndices = subscaleIndices == null ? null : Map.copyOf(subscaleIndices);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
