package org.alliancepulse.session.dyad;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.platform.inbox.InboxConfig;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.quarkus.InjectDatabaseLink;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.alliancepulse.testinfra.servers.TcpProxy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer side of the delivery guarantees, against the real broker and database: once, in order, poison to the
 * dead-letter topic without its content in any log or header, outages waited out, dead letters replayed.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class IntakeEventConsumerTest {

    private static final String DEAD_LETTERS = Topics.deadLetterTopic("session-service", Topics.INTAKE_EVENTS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    InboxConfig inbox;

    @InjectDatabaseLink
    TcpProxy databaseLink;

    @Test
    void aRedeliveredEventIdChangesNothing() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        events.publish(eventId, new ClientAssigned(client, "C-AAAAAA", "north", first, Instant.now()));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> Dyad.findById(client) != null);

        // the same event id again, with a newer assignment that would win if it were applied
        events.publish(eventId, new ClientAssigned(client, "C-AAAAAA", "north", UUID.randomUUID(), Instant.now()));
        // wait until the service's consumer group has committed past the duplicate (it commits after processing)
        await().atMost(Duration.ofSeconds(30)).until(events.consumedByGroup("session-service", Topics.INTAKE_EVENTS));

        assertEquals(first, therapistOf(client));
    }

    @Test
    void anOlderAssignmentArrivingLateDoesNotOverwriteANewerOne() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Instant now = Instant.now();
        events.publish(new ClientAssigned(client, "C-BBBBBB", "north", newer, now));
        String older = events.publish(new ClientAssigned(client, "C-BBBBBB", "north", UUID.randomUUID(),
                now.minusSeconds(60)));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> inInbox(older));

        assertEquals(newer, therapistOf(client));
    }

    @Test
    void aFailureWhileTheDatabaseAnswersIsRetriedNotDeadLettered() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID therapist = UUID.randomUUID();
        // the table the handler writes to disappears for a while, as during a botched migration
        double retriesBefore = counter("alliance_pulse.inbox.retries");
        execute("ALTER TABLE therapist_login RENAME TO therapist_login_away");
        try {
            events.publish(new TherapistRegistered(therapist, "north", "t-" + therapist, "Dr Transient",
                    "t@example.org"));
            // the table comes back only once the consumer has failed and backed off twice
            await().atMost(Duration.ofSeconds(20)).until(() -> counter("alliance_pulse.inbox.retries") >= retriesBefore + 2);
        } finally {
            execute("ALTER TABLE therapist_login_away RENAME TO therapist_login");
        }

        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> TherapistLogin.findById(therapist) != null);
        assertEquals(0, deadLettersAbout(events, therapist.toString()).size());
    }

    @Test
    void aDatabaseOutageLongerThanTheRetryBudgetIsWaitedOutInOrderWithReadinessDownAndNothingDeadLettered() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // a consumer in steady state (its partitions assigned, nothing pending) before the database goes away
        UUID warmUp = UUID.randomUUID();
        events.publish(new ClientAssigned(warmUp, "C-WARMUP", "north", UUID.randomUUID(), Instant.now()));
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> therapistOf(warmUp) != null);
        await().atMost(Duration.ofSeconds(30)).until(events.consumedByGroup("session-service", Topics.INTAKE_EVENTS));
        // the same assignment time: the dyad takes whichever is applied last, so the result shows the order. Its
        // sub-microsecond digits are ones PostgreSQL rounds up: events travel in whole microseconds (EventJson),
        // or the stored copy of the first would look newer than the second and the second be dropped as stale.
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
        double waitsBefore = counter("alliance_pulse.inbox.outage_waits");
        databaseLink.cut();
        try {
            events.publish(new ClientAssigned(client, "C-EEEEEE", "north", first, at));
            events.publish(new ClientAssigned(client, "C-EEEEEE", "north", second, at));
            // longer than any bounded retry budget: more waits than the inbox has attempts
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter("alliance_pulse.inbox.outage_waits") >= waitsBefore + inbox.maxAttempts() + 1);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event consumers' }.status", equalTo("DOWN"));
            // a request meanwhile is told to come back, not that the service broke (was a 500 "Internal error")
            given().auth().oauth2(Tokens.admin()).get("/api/sessions/" + UUID.randomUUID()).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            databaseLink.restore();
        }

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> second.equals(therapistOf(client)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertEquals(0, deadLettersAbout(events, client.toString()).size(), "an outage dead-letters nothing");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithAReasonThatQuotesNothingAndConsumptionGoesOn() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID poisoned = UUID.randomUUID();
        String secret = "Ingrid-" + UUID.randomUUID().toString().substring(0, 8);
        // a CloudEvent whose data is not JSON at all, and one whose data holds a name where an id belongs
        String notJson = secret + " Halvorsen, born 1987-03-14";
        String nameAsId = "{\"clientId\":\"" + secret + "\",\"clientCode\":\"C-DDDDDD\"}";
        try (LogCapture log = LogCapture.start()) {
            for (String value : List.of(notJson, nameAsId)) {
                events.send(Topics.INTAKE_EVENTS, poisoned.toString(), value, Map.of(
                        CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, EventTypes.CLIENT_ASSIGNED.type(),
                        CloudEventHeaders.SOURCE, "test"));
            }
            // not a CloudEvent at all
            String noHeaders = "{\"clientId\":\"" + UUID.randomUUID() + "\"}";
            events.send(Topics.INTAKE_EVENTS, poisoned.toString(), noHeaders, Map.of());
            // a valid event behind them, on the same key and so the same partition
            String after = events.publish(new ClientAssigned(poisoned, "C-DDDDDD", "north", UUID.randomUUID(),
                    Instant.now()));

            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> inInbox(after));
            var dead = await().atMost(Duration.ofSeconds(30)).until(() -> events.readAll(DEAD_LETTERS).stream()
                    .filter(r -> poisoned.toString().equals(r.key())).toList(), found -> found.size() == 3);
            for (var record : dead) {
                String reason = KafkaEvents.header(record, "dead-letter-reason");
                assertFalse(reason == null || reason.isBlank(), "the dead letter says why");
                assertFalse(reason.contains(secret) || reason.contains("Halvorsen"), "the reason quotes: " + reason);
                assertEquals(Topics.INTAKE_EVENTS, KafkaEvents.header(record, "dead-letter-topic"));
            }
            assertTrue(KafkaEvents.header(dead.get(1), "dead-letter-reason").contains("clientId"),
                    "the reason names the field: " + KafkaEvents.header(dead.get(1), "dead-letter-reason"));
            assertEquals(List.of(), log.linesContaining(secret), "no log line quotes the record");
            assertTrue(log.linesContaining("Dead-lettered").size() >= 3, "each dead letter is logged");
        }
    }

    @Test
    void anUnknownEventTypeIsDeadLetteredAndCountedNeverSkippedSilently() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        double before = counter("alliance_pulse.inbox.unknown_types");
        String id = UUID.randomUUID().toString();
        // a newer version of a known event, which this version of the service cannot read
        events.send(Topics.INTAKE_EVENTS, client.toString(), "{\"clientId\":\"" + client + "\"}", Map.of(
                CloudEventHeaders.ID, id,
                CloudEventHeaders.TYPE, "org.alliancepulse.intake.client-assigned.v2",
                CloudEventHeaders.SOURCE, "test"));

        var dead = await().atMost(Duration.ofSeconds(30)).until(() -> events.readAll(DEAD_LETTERS).stream()
                .filter(r -> id.equals(KafkaEvents.header(r, CloudEventHeaders.ID))).toList(), found -> found.size() == 1);
        assertTrue(KafkaEvents.header(dead.get(0), "dead-letter-reason").contains("unknown event type"));
        assertEquals(before + 1, counter("alliance_pulse.inbox.unknown_types"));
    }

    @Test
    void deadLetterTopicsExistFromStartWithTheirOwnRetention() {
        // created by the service at start-up, not by the broker's auto-create (which would keep the broker default)
        assertEquals(String.valueOf(Duration.ofDays(90).toMillis()),
                new KafkaEvents(kafka).topicConfig(DEAD_LETTERS, "retention.ms"));
    }

    @Test
    void aFailingDeadLetterSendHoldsThePartitionUntilKafkaTakesIt() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        double failuresBefore = counter("alliance_pulse.dead_letters.send_failures");
        // the dead-letter topic refuses every record for a while
        events.alterTopicConfig(DEAD_LETTERS, "max.message.bytes", "64");
        String poisonId = UUID.randomUUID().toString();
        String after;
        try {
            events.send(Topics.INTAKE_EVENTS, client.toString(), "not json", Map.of(
                    CloudEventHeaders.ID, poisonId,
                    CloudEventHeaders.TYPE, EventTypes.CLIENT_ASSIGNED.type(),
                    CloudEventHeaders.SOURCE, "test"));
            after = events.publish(new ClientAssigned(client, "C-FFFFFF", "north", UUID.randomUUID(), Instant.now()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> counter("alliance_pulse.dead_letters.send_failures") >= failuresBefore + 2);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'event consumers' }.status", equalTo("DOWN"));
            assertFalse(inInbox(after), "the record behind the poison waits: order is kept");
        } finally {
            events.alterTopicConfig(DEAD_LETTERS, "max.message.bytes", null);
        }

        String applied = after;
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> inInbox(applied));
        assertEquals(1, events.readAll(DEAD_LETTERS).stream()
                .filter(r -> poisonId.equals(KafkaEvents.header(r, CloudEventHeaders.ID))).count(),
                "the poison is dead-lettered once, not lost");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aDeadLetterIsReplayedThroughTheSameInboxOnceItsCauseIsFixed() throws SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID therapist = UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        events.send(Topics.INTAKE_EVENTS, therapist.toString(), "still not json", Map.of(
                CloudEventHeaders.ID, poisonId,
                CloudEventHeaders.TYPE, EventTypes.THERAPIST_REGISTERED.type(),
                CloudEventHeaders.SOURCE, "test"));
        String eventId;
        // the handler fails every attempt while the database answers: dead-lettered after the attempts run out
        execute("ALTER TABLE therapist_login RENAME TO therapist_login_gone");
        try {
            eventId = events.publish(new TherapistRegistered(therapist, "north", "r-" + therapist, "Dr Replay",
                    "r@example.org"));
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersAbout(events, therapist.toString()).size() == 1);
        } finally {
            execute("ALTER TABLE therapist_login_gone RENAME TO therapist_login");
        }
        assertNull(TherapistLogin.findById(therapist));

        // only admins may look or replay
        given().auth().oauth2(Tokens.clinicStaff("north")).post("/api/dead-letters/" + DEAD_LETTERS + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/dead-letters/no-such-topic.dlq").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/dead-letters/" + DEAD_LETTERS).then().statusCode(200);

        List<Map<String, Object>> replayed = given().auth().oauth2(Tokens.admin())
                .post("/api/dead-letters/" + DEAD_LETTERS + "/replay").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertEquals("APPLIED", outcomeOf(replayed, eventId));
        assertEquals("r-" + therapist, TherapistLogin.<TherapistLogin>findById(therapist).username);

        // replaying again changes nothing: the inbox has the event's id now
        replayed = given().auth().oauth2(Tokens.admin()).post("/api/dead-letters/" + DEAD_LETTERS + "/replay")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals("DUPLICATE", outcomeOf(replayed, eventId));
        // poison stays poison: reported, not applied, and still on the topic
        assertEquals("STILL_FAILING", outcomeOf(replayed, poisonId));
        assertEquals(1, events.readAll(DEAD_LETTERS).stream()
                .filter(r -> poisonId.equals(KafkaEvents.header(r, CloudEventHeaders.ID))).count());
    }

    private static String outcomeOf(List<Map<String, Object>> replayed, String eventId) {
        return replayed.stream().filter(r -> eventId.equals(r.get("eventId"))).map(r -> (String) r.get("outcome"))
                .findFirst().orElse("not replayed");
    }

    private List<ConsumerRecord<String, String>> deadLettersAbout(KafkaEvents events, String text) {
        return events.readAll(DEAD_LETTERS).stream().filter(r -> r.value().contains(text)).toList();
    }

    /**
     * The dyad's therapist as the database has it now. Read with SQL: an entity found earlier in the test would come
     * back from the test's persistence context, stale.
     */
    private UUID therapistOf(UUID client) throws SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT therapist_id FROM dyad WHERE client_id = ?")) {
            query.setObject(1, client);
            var row = query.executeQuery();
            return row.next() ? row.getObject(1, UUID.class) : null;
        }
    }

    private boolean inInbox(String eventId) throws SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT 1 FROM inbox_processed_event WHERE event_id = ?")) {
            query.setString(1, eventId);
            return query.executeQuery().next();
        }
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("topic", Topics.INTAKE_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
