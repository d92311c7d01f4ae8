package org.alliancepulse.session.dyad;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The consumer side of the delivery guarantees, against the real broker and database. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class IntakeEventConsumerTest {

    private static final String DEAD_LETTERS = Topics.deadLetterTopic("session-service", Topics.INTAKE_EVENTS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aRedeliveredEventIdChangesNothing() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        events.publish(eventId, new ClientAssigned(client, "C-AAAAAA", "north", first, Instant.now()));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> Dyad.findById(client) != null);

        // the same event id again, even with a different (here: newer) content, is a duplicate
        events.publish(eventId, new ClientAssigned(client, "C-AAAAAA", "north", UUID.randomUUID(), Instant.now()));
        // a later event on the same key proves the duplicate was consumed (and skipped) before it
        UUID marker = UUID.randomUUID();
        events.publish(new org.alliancepulse.contracts.intake.TherapistRegistered(marker, "north", "m-" + marker,
                "Marker", "m@example.org"));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> TherapistLogin.findById(marker) != null);

        assertEquals(first, Dyad.<Dyad>findById(client).therapistId);
    }

    @Test
    void anOlderAssignmentArrivingLateDoesNotOverwriteANewerOne() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID client = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Instant now = Instant.now();
        events.publish(new ClientAssigned(client, "C-BBBBBB", "north", newer, now));
        events.publish(new ClientAssigned(client, "C-BBBBBB", "north", UUID.randomUUID(), now.minusSeconds(60)));
        UUID marker = UUID.randomUUID();
        events.publish(new ClientAssigned(marker, "C-CCCCCC", "north", newer, now));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> Dyad.findById(marker) != null);

        assertEquals(newer, Dyad.<Dyad>findById(client).therapistId);
    }

    @Test
    void aTransientFailureIsRetriedNotDeadLettered() throws java.sql.SQLException {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID therapist = UUID.randomUUID();
        // the table the handler writes to disappears for a while, as during a botched migration or a failover
        double retriesBefore = retries();
        execute("ALTER TABLE therapist_login RENAME TO therapist_login_away");
        try {
            events.publish(new org.alliancepulse.contracts.intake.TherapistRegistered(therapist, "north",
                    "t-" + therapist, "Dr Transient", "t@example.org"));
            // the table comes back only once the consumer has failed and backed off twice
            await().atMost(Duration.ofSeconds(20)).until(() -> retries() >= retriesBefore + 2);
        } finally {
            execute("ALTER TABLE therapist_login_away RENAME TO therapist_login");
        }

        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> TherapistLogin.findById(therapist) != null);
        assertEquals(0, events.readAll(DEAD_LETTERS).stream()
                .filter(r -> r.value().contains(therapist.toString())).count());
    }

    private double retries() {
        var counter = meters.find("alliance_pulse.inbox.retries").tag("topic", Topics.INTAKE_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private void execute(String sql) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        KafkaEvents events = new KafkaEvents(kafka);
        UUID poisoned = UUID.randomUUID();
        String notJson = "poison-" + UUID.randomUUID();
        // a CloudEvent whose data is not a ClientAssigned
        events.send(Topics.INTAKE_EVENTS, poisoned.toString(), notJson, Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.CLIENT_ASSIGNED.type(),
                CloudEventHeaders.SOURCE, "test"));
        // not a CloudEvent at all
        String noHeaders = "{\"clientId\":\"" + UUID.randomUUID() + "\"}";
        events.send(Topics.INTAKE_EVENTS, poisoned.toString(), noHeaders, Map.of());
        // a valid event behind them, on the same key and so the same partition
        UUID after = UUID.randomUUID();
        events.publish(new ClientAssigned(after, "C-DDDDDD", "north", UUID.randomUUID(), Instant.now()));

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Dyad.findById(after) != null);
        var dead = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> events.readAll(DEAD_LETTERS).stream()
                .filter(r -> r.value().equals(notJson) || r.value().equals(noHeaders)).toList(),
                found -> found.size() == 2);
        for (var record : dead) {
            String reason = KafkaEvents.header(record, "dead-letter-reason");
            assertEquals(false, reason == null || reason.isBlank(), "the dead letter says why");
        }
        assertNull(Dyad.findById(poisoned));
    }
}
