package org.alliancepulse.analytics.alliance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.dyad.FeedbackMeasure;
import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class LowAllianceAlertTest {

    private static final LocalDate SESSION_DATE = LocalDate.of(2026, 11, 20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aLowSrsRaisesOneAlertCarryingOnlyIdsAndTheClientCode() {
        KafkaEvents events = new KafkaEvents(kafka);
        FeedbackSubmitted feedback = srs(UUID.randomUUID(), UUID.randomUUID(), "7", "8", "7.5", "8");

        events.publish(feedback);

        var raised = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(feedback.clientId())),
                found -> !found.isEmpty());
        AlertRaised alert = raised.get(0).payload();
        assertEquals("LOW_ALLIANCE", alert.kind());
        assertEquals(List.of("SRS_TOTAL_BELOW_36"), alert.reasons());
        assertEquals(feedback.clientCode(), alert.clientCode());
        assertEquals(feedback.therapistId(), alert.therapistId());
        assertEquals(feedback.sessionId(), alert.sessionId());
        assertEquals(SESSION_DATE, alert.sessionDate());
        assertEquals(feedback.clientId().toString(), raised.get(0).key(), "alerts are keyed by client");
        FeedbackMeasure measurement = FeedbackMeasure.findById(feedback.feedbackId());
        assertEquals(0, new BigDecimal("76.25").compareTo(measurement.allianceIndex));
    }

    @Test
    void aRedeliveredFeedbackEventRaisesNothingMore() {
        KafkaEvents events = new KafkaEvents(kafka);
        FeedbackSubmitted feedback = srs(UUID.randomUUID(), UUID.randomUUID(), "5", "5", "5", "5");
        String eventId = UUID.randomUUID().toString();
        events.publish(eventId, feedback);
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> Alert.count("clientId", feedback.clientId()) == 1);

        // the same event id again, carrying another measure of the dyad: only the inbox can tell it is a duplicate
        events.publish(eventId, srs(feedback.clientId(), feedback.therapistId(), "4", "4", "4", "4"));
        // the same feedback republished under a new event id (say, a producer restored from backup) counts once too
        events.publish(feedback);
        awaitConsumedUpTo(events, feedback.clientId());

        assertEquals(1, Alert.count("clientId", feedback.clientId()));
        assertEquals(1, measurementsOf(feedback.clientId(), feedback.therapistId()));
        assertEquals(1, events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(feedback.clientId()))
                .size());
    }

    @Test
    void whileAnAlertIsOpenAnotherLowSessionDoesNotRaiseASecond() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        events.publish(srs(client, therapist, "6", "6", "6", "6"));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> Alert.count("clientId", client) == 1);

        events.publish(srs(client, therapist, "5", "5", "5", "5"));
        awaitConsumedUpTo(events, client);

        assertEquals(1, Alert.count("clientId", client));
        assertEquals(2, measurementsOf(client, therapist));
    }

    @Test
    void aGoodSrsAndAnOutcomeRatingRaiseNothing() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        events.publish(srs(client, therapist, "9", "9", "9", "9.5"));
        FeedbackSubmitted ors = new FeedbackSubmitted(UUID.randomUUID(), UUID.randomUUID(), client, "C-ORSORS",
                therapist, "north", SESSION_DATE, "ORS", List.of(bd("2"), bd("2"), bd("2"), bd("2")), bd("8"),
                Map.of("overall", bd("2")), Instant.now());
        events.publish(ors);
        awaitConsumedUpTo(events, client);

        assertEquals(0, Alert.count("clientId", client));
        assertEquals(1, FeedbackMeasure.count("clientId = ?1 and therapistId = ?2 and allianceIndex is not null", client,
                therapist),
                "ORS is outcome, not alliance: kept for the outcome trajectory, without an alliance index");
        assertEquals(2, measurementsOf(client, therapist));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopic() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        String broken = "{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"total\":\"lots\"}";
        events.send(Topics.SESSION_EVENTS, client.toString(), broken, Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.FEEDBACK_SUBMITTED.type(),
                CloudEventHeaders.SOURCE, "test"));
        awaitConsumedUpTo(events, client);

        String deadLetters = Topics.deadLetterTopic("alliance-analytics-service", Topics.SESSION_EVENTS);
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> events.readAll(deadLetters).stream().anyMatch(r -> r.value().equals(broken)));
        assertEquals(0, Alert.count("clientId", client));
    }

    private static long measurementsOf(UUID client, UUID therapist) {
        return FeedbackMeasure.count("clientId = ?1 and therapistId = ?2", client, therapist);
    }

    /** Publishes a good SRS on the client's key (another therapist's, so it joins no dyad under test) and waits
     * until it is processed: everything before it on that partition was too. */
    private static void awaitConsumedUpTo(KafkaEvents events, UUID client) {
        FeedbackSubmitted marker = srs(client, UUID.randomUUID(), "10", "10", "10", "10");
        events.publish(marker);
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> FeedbackMeasure.findById(marker.feedbackId()) != null);
    }

    private static FeedbackSubmitted srs(UUID client, UUID therapist, String... answers) {
        List<BigDecimal> items = java.util.Arrays.stream(answers).map(BigDecimal::new).toList();
        BigDecimal total = items.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FeedbackSubmitted(UUID.randomUUID(), UUID.randomUUID(), client, "C-" + client.toString()
                .substring(0, 6).toUpperCase(), therapist, "north", SESSION_DATE, "SRS", items, total,
                Map.of("bond", items.get(0), "goals", items.get(1), "tasks", items.get(2), "global", items.get(3)),
                Instant.now());
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
