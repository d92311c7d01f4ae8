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
 * Answers recorded for one instrument after one session were wrong and have been replaced; consumers replace the
 * earlier measure of this feedback id with this one. session-service keeps the original answers too.
 *
 * @param answers the corrected item answers in item order, with the scores computed from them
 * @param previousAnswers the answers this correction replaces
 * @param submittedAt when the client gave the (corrected) answers
 * @param allianceIndex 0-100, for alliance instruments only
 * @param subscaleIndices each subscale on 0-100 by the same formula as the index (alliance instruments only; bond,
 *        goals and tasks are the pillars); absent in events published before it was added
 * @param correctedBy the login of the clinic's staff or therapist who corrected the answers (never the client's
 *        name); absent in events published before it was added
 */
public record FeedbackCorrected(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
        String clinicId, int sessionNumber, Instant scheduledAt, LocalDate sessionDate, String instrument,
        List<BigDecimal> answers, BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex,
        List<BigDecimal> previousAnswers, Instant submittedAt, Instant correctedAt,
        Map<String, BigDecimal> subscaleIndices, String correctedBy) implements EventPayload {

    /** The shape before who corrected the answers was added. */
    public FeedbackCorrected(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
            String clinicId, int sessionNumber, Instant scheduledAt, LocalDate sessionDate, String instrument,
            List<BigDecimal> answers, BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex,
            List<BigDecimal> previousAnswers, Instant submittedAt, Instant correctedAt,
            Map<String, BigDecimal> subscaleIndices) {
        this(feedbackId, sessionId, clientId, clientCode, therapistId, clinicId, sessionNumber, scheduledAt,
                sessionDate, instrument, answers, total, subscales, allianceIndex, previousAnswers, submittedAt,
                correctedAt, subscaleIndices, null);
    }

    /** The shape before subscale indices were added. */
    public FeedbackCorrected(UUID feedbackId, UUID sessionId, UUID clientId, String clientCode, UUID therapistId,
            String clinicId, int sessionNumber, Instant scheduledAt, LocalDate sessionDate, String instrument,
            List<BigDecimal> answers, BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex,
            List<BigDecimal> previousAnswers, Instant submittedAt, Instant correctedAt) {
        this(feedbackId, sessionId, clientId, clientCode, therapistId, clinicId, sessionNumber, scheduledAt,
                sessionDate, instrument, answers, total, subscales, allianceIndex, previousAnswers, submittedAt,
                correctedAt, null, null);
    }

    public FeedbackCorrected {
        present(feedbackId, "feedbackId");
        present(sessionId, "sessionId");
        present(clientId, "clientId");
        present(clientCode, "clientCode");
        present(therapistId, "therapistId");
        present(clinicId, "clinicId");
        present(scheduledAt, "scheduledAt");
        present(sessionDate, "sessionDate");
        sessionDay(sessionDate, "sessionDate");
        sessionTime(scheduledAt, "scheduledAt");
        present(instrument, "instrument");
        answers = List.copyOf(present(answers, "answers"));
        present(total, "total");
        subscales = Map.copyOf(present(subscales, "subscales"));
        previousAnswers = List.copyOf(present(previousAnswers, "previousAnswers"));
        present(submittedAt, "submittedAt");
        present(correctedAt, "correctedAt");
        subscaleIndices = subscaleIndices == null ? null : Map.copyOf(subscaleIndices);
    }

    @Override
    public String aggregateId() {
        return clientId.toString();
    }
}
