package org.alliancepulse.analytics.dyad;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.assessment.SessionAssessmentRecord;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.contracts.session.SessionAttended;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionScheduled;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The dyad state from intake-events and session-events, on the real broker and database: the same story told in
 * order and out of order (every session event before any intake event, as a lagging intake consumer would see it)
 * leaves the same state.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class DyadStateTest {

    private static final String GROUP = "alliance-analytics-service";
    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /**
     * One client's episode: three sessions with the first therapist (one a no-show, one corrected after the third),
     * a reassignment for fit, a session with the second therapist and a late cancellation, then a dropout.
     */
    record Story(List<EventPayload> intake, List<EventPayload> sessions) {

        static Story of(UUID client) {
            UUID episode = UUID.randomUUID();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            String code = "C-" + client.toString().substring(0, 6).toUpperCase();
            List<EventPayload> intake = List.of(
                    new ClientAssigned(client, code, "north", first, START.minusSeconds(86_400), episode),
                    new ClientReassigned(client, code, "north", episode, first, second, ClientReassigned.Reason.FIT,
                            START.plus(Duration.ofDays(20))),
                    new EpisodeClosed(client, code, "north", episode, second, EpisodeClosed.Ending.DROPOUT,
                            LocalDate.of(2025, 4, 10), START.plus(Duration.ofDays(40))));
            List<EventPayload> sessions = new ArrayList<>();
            UUID[] ids = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
            UUID[] therapists = { first, first, first, second };
            UUID corrected = UUID.randomUUID();
            for (int i = 0; i < 4; i++) {
                Instant at = START.plus(Duration.ofDays(7L * i));
                LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                int number = i + 1;
                sessions.add(new SessionScheduled(ids[i], client, therapists[i], "north", day, number, at, episode));
                if (i == 1) {
                    sessions.add(new SessionNoShow(ids[i], client, code, therapists[i], "north", number, at, day, at));
                } else if (i == 3) {
                    sessions.add(new SessionCancelled(ids[i], client, code, therapists[i], "north", number, at, day,
                            "CLIENT", true, at.minusSeconds(3600)));
                } else {
                    sessions.add(new SessionAttended(ids[i], client, code, therapists[i], "north", number, at, day, at));
                    sessions.add(new FeedbackSubmitted(i == 0 ? corrected : UUID.randomUUID(), ids[i], client, code,
                            therapists[i], "north", day, "SRS", srs("9", "9", "9", "9"), new BigDecimal("36"),
                            Map.of("bond", new BigDecimal("9")), at.plusSeconds(3600), number, at,
                            new BigDecimal("90.00"), Map.of("bond", new BigDecimal("90.00"),
                                    "goals", new BigDecimal("90.00"), "tasks", new BigDecimal("90.00"))));
                }
            }
            // the first session's answers corrected after the third
            Instant firstAt = START;
            sessions.add(new FeedbackCorrected(corrected, ids[0], client, code, first, "north", 1, firstAt,
                    LocalDate.ofInstant(firstAt, ZoneOffset.UTC), "SRS", srs("6", "9", "9", "9"), new BigDecimal("33"),
                    Map.of("bond", new BigDecimal("6")), new BigDecimal("82.50"), srs("9", "9", "9", "9"),
                    firstAt.plusSeconds(3600), START.plus(Duration.ofDays(15)), Map.of("bond",
                            new BigDecimal("60.00"), "goals", new BigDecimal("90.00"), "tasks", new BigDecimal("90.00"))));
            return new Story(intake, sessions);
        }

        private static List<BigDecimal> srs(String... answers) {
            return java.util.Arrays.stream(answers).map(BigDecimal::new).toList();
        }
    }

    @Test
    void theSameStoryInOrderAndOutOfOrderAcrossTopicsLeavesTheSameState() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID inOrder = UUID.randomUUID();
        UUID outOfOrder = UUID.randomUUID();
        Story a = Story.of(inOrder);
        Story b = Story.of(outOfOrder);

        // in order: the assignment first, each session event when it happened, the reassignment and ending between
        events.publish(a.intake().get(0));
        a.sessions().subList(0, 8).forEach(events::publish);
        events.publish(a.intake().get(1));
        a.sessions().subList(8, a.sessions().size()).forEach(events::publish);
        events.publish(a.intake().get(2));
        // out of order: every session event (feedback before the assignment) before any intake event
        b.sessions().forEach(events::publish);
        b.intake().forEach(events::publish);

        await().atMost(Duration.ofSeconds(60)).until(events.consumedByGroup(GROUP, Topics.SESSION_EVENTS));
        await().atMost(Duration.ofSeconds(60)).until(events.consumedByGroup(GROUP, Topics.INTAKE_EVENTS));

        String expected = """
                dyad 1: started 2025-03-02T09:00:00Z ended 2025-03-23T09:00:00Z REASSIGNED FIT
                dyad 2: started 2025-03-23T09:00:00Z ended 2025-04-10T23:59:59.999999Z EPISODE_CLOSED null
                episode: ended DROPOUT on 2025-04-10 (closed 2025-04-12T09:00:00Z)
                session 1 of therapist 1 at 2025-03-03T09:00:00Z: ATTENDED late=null
                  SRS total 33 index 82.50 bond 60.00 goals 90.00 tasks 90.00 corrected
                session 2 of therapist 1 at 2025-03-10T09:00:00Z: NO_SHOW late=null
                session 3 of therapist 1 at 2025-03-17T09:00:00Z: ATTENDED late=null
                  SRS total 36 index 90.00 bond 90.00 goals 90.00 tasks 90.00
                session 4 of therapist 2 at 2025-03-24T09:00:00Z: CANCELLED_BY_CLIENT late=true
                """;
        assertEquals(expected, stateOf(inOrder));
        assertEquals(expected, stateOf(outOfOrder));
        await().atMost(Duration.ofSeconds(30)).until(() -> assessmentsOf(inOrder).equals(assessmentsOf(outOfOrder)));
        assertEquals(assessmentsOf(inOrder), assessmentsOf(outOfOrder), "the rules said the same, in the same time");
        String said = assessmentsOf(inOrder);
        org.junit.jupiter.api.Assertions.assertTrue(said.contains("session 1 at 2025-03-03T09:00:00Z: ATTENDED index 82.5")
                && said.contains("session 4 at 2025-03-24T09:00:00Z: CANCELLED_BY_CLIENT"), said);
    }

    /** What the rules said after each session, and the alerts, with the client's sessions numbered. */
    static String assessmentsOf(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder said = new StringBuilder();
            for (Dyad dyad : Dyad.ofClient(client)) {
                for (SessionAssessmentRecord a : SessionAssessmentRecord.ofDyad(dyad.id)) {
                    said.append("session ").append(a.sessionNumber).append(" at ").append(a.scheduledAt).append(": ")
                            .append(a.attendance).append(" index ").append(a.allianceIndex).append(" low ")
                            .append(a.lowAlliance).append(' ').append(a.ruptureState).append(' ').append(a.pillars)
                            .append(" fit ").append(a.fitConcern).append(" risk ")
                            .append(String.format(java.util.Locale.ROOT, "%.4f", a.riskScore)).append('\n');
                }
                for (Alert alert : Alert.ofDyad(dyad.id)) {
                    said.append(alert.kind).append(" at ").append(alert.occurredAt).append(' ').append(alert.status)
                            .append(' ').append(alert.resolution).append(" at ").append(alert.resolvedOccurredAt)
                            .append('\n');
                }
            }
            return said.toString();
        });
    }

    /** The client's state in words, with their therapists numbered in order of appearance. */
    static String stateOf(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder state = new StringBuilder();
            List<UUID> therapists = new ArrayList<>();
            List<Dyad> dyads = Dyad.ofClient(client);
            for (Dyad dyad : dyads) {
                therapists.add(dyad.therapistId);
                state.append("dyad ").append(therapists.size()).append(": started ").append(dyad.startedAt)
                        .append(" ended ").append(dyad.endedAt).append(' ').append(dyad.endReason).append(' ')
                        .append(dyad.reassignmentReason).append('\n');
            }
            for (EpisodeOfCare episode : EpisodeOfCare.<EpisodeOfCare>list("clientId", client)) {
                state.append("episode: ended ").append(episode.ending).append(" on ").append(episode.endDate)
                        .append(" (closed ").append(episode.closedAt).append(")\n");
            }
            for (SessionRecord session : SessionRecord.<SessionRecord>list("clientId = ?1 order by sessionNumber",
                    client)) {
                state.append("session ").append(session.sessionNumber).append(" of therapist ")
                        .append(therapists.indexOf(session.therapistId) + 1).append(" at ").append(session.scheduledAt)
                        .append(": ").append(session.attendance).append(" late=").append(session.cancelledLate)
                        .append('\n');
                for (FeedbackMeasure measure : FeedbackMeasure.ofSessions(List.of(session.sessionId))) {
                    state.append("  ").append(measure.instrument).append(" total ")
                            .append(measure.total.stripTrailingZeros().toPlainString()).append(" index ")
                            .append(measure.allianceIndex).append(" bond ").append(measure.bondIndex)
                            .append(" goals ").append(measure.goalsIndex).append(" tasks ").append(measure.tasksIndex)
                            .append(measure.correctedAt != null ? " corrected" : "").append('\n');
                }
            }
            return state.toString();
        });
    }
}
