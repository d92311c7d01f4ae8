package org.alliancepulse.analytics.dyad;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumers take a poll's worth of records at a time ({@link Inbox#processBatch}): applied in one transaction,
 * the result is the one a record-by-record run gives; poison, a payload that cannot be read and a duplicate inside a
 * batch are dealt with as they are one by one. The batches are handed to the consumers directly (real database, the
 * real dead-letter topic), so that what is in one batch is the test's choice rather than the broker's timing.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class BatchConsumptionTest {

    private static final String DEAD_LETTERS = "alliance-analytics-service.session-events.dlq";

    @Inject
    Inbox inbox;

    @Inject
    IntakeEventConsumer intake;

    @Inject
    SessionEventConsumer sessions;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private long offset = 1_000_000;

    @Test
    void aBatchInOneTransactionLeavesWhatOneByOneLeaves() {
        UUID oneByOne = UUID.randomUUID();
        UUID batched = UUID.randomUUID();
        DyadStateTest.Story a = DyadStateTest.Story.of(oneByOne);
        DyadStateTest.Story b = DyadStateTest.Story.of(batched);

        records(a.intake()).forEach(r -> inbox.process(r, intake.handlers()));
        records(a.sessions()).forEach(r -> inbox.process(r, sessions.handlers()));
        double largestBefore = largestTransaction();
        double splitBefore = counter("alliance_pulse.inbox.batches_split");
        double duplicatesBefore = counter("alliance_pulse.inbox.duplicates");
        inbox.processBatch(records(b.intake()), intake.handlers());
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records(b.sessions()));
        batch.add(batch.get(2)); // a producer's retry: the same event twice in one poll

        inbox.processBatch(batch, sessions.handlers());

        assertEquals(0, counter("alliance_pulse.inbox.batches_split") - splitBefore);
        assertEquals(1, counter("alliance_pulse.inbox.duplicates") - duplicatesBefore, "the repeated event skipped");
        assertEquals(b.sessions().size(), (int) largestTransaction(),
                "every session event of the batch in one transaction, once (largest before: " + largestBefore + ")");
        assertEquals(DyadStateTest.stateOf(oneByOne), DyadStateTest.stateOf(batched));
        assertEquals(DyadStateTest.assessmentsOf(oneByOne), DyadStateTest.assessmentsOf(batched));
        assertTrue(DyadStateTest.assessmentsOf(batched).contains("session 4"), DyadStateTest.assessmentsOf(batched));
    }

    @Test
    void poisonAnUnreadablePayloadAndADuplicateInsideABatch() {
        UUID client = UUID.randomUUID();
        DyadStateTest.Story story = DyadStateTest.Story.of(client);
        inbox.processBatch(records(story.intake()), intake.handlers());
        KafkaEvents events = new KafkaEvents(kafka);
        long deadBefore = deadLettersOf(events, client);
        double splitBefore = counter("alliance_pulse.inbox.batches_split");
        double duplicatesBefore = counter("alliance_pulse.inbox.duplicates");

        List<ConsumerRecord<String, String>> good = records(story.sessions());
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(good.subList(0, 3));
        ConsumerRecord<String, String> notACloudEvent = new ConsumerRecord<>(Topics.SESSION_EVENTS, 0, offset++,
                client.toString(), "{\"hello\":1}");
        batch.add(notACloudEvent);
        batch.addAll(good.subList(3, 6));
        batch.add(good.get(0)); // the same event again, in the same batch
        ConsumerRecord<String, String> unreadable = new ConsumerRecord<>(Topics.SESSION_EVENTS, 0, offset++,
                client.toString(), "{\"sessionId\":\"not a uuid\"}");
        good.get(1).headers().forEach(h -> {
            if (!h.key().equals(CloudEventHeaders.ID)) {
                unreadable.headers().add(h.key(), h.value());
            }
        });
        unreadable.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        batch.add(unreadable);
        batch.addAll(good.subList(6, good.size()));

        inbox.processBatch(batch, sessions.handlers());

        assertEquals(1, counter("alliance_pulse.inbox.batches_split") - splitBefore,
                "the segment with the unreadable payload was split and applied one by one");
        assertTrue(counter("alliance_pulse.inbox.duplicates") - duplicatesBefore >= 1, "the duplicate was skipped");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(events, client) == deadBefore + 2);
        long applied = QuarkusTransaction.requiringNew().call(() -> (Long) SessionRecord.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM inbox_processed_event WHERE event_id IN (:ids)", Long.class)
                .setParameter("ids", good.stream().map(r -> KafkaEvents.header(r, CloudEventHeaders.ID)).toList())
                .getSingleResult());
        assertEquals(good.size(), applied, "every good event applied, the ones behind the poison included");

        UUID reference = UUID.randomUUID();
        DyadStateTest.Story same = DyadStateTest.Story.of(reference);
        records(same.intake()).forEach(r -> inbox.process(r, intake.handlers()));
        records(same.sessions()).forEach(r -> inbox.process(r, sessions.handlers()));
        assertEquals(DyadStateTest.assessmentsOf(reference), DyadStateTest.assessmentsOf(client));
    }

    private List<ConsumerRecord<String, String>> records(List<EventPayload> payloads) {
        return payloads.stream().map(p -> KafkaEvents.consumed(UUID.randomUUID().toString(), p, offset++)).toList();
    }

    private long deadLettersOf(KafkaEvents events, UUID client) {
        return events.readAll(DEAD_LETTERS).stream().filter(r -> client.toString().equals(r.key())).count();
    }

    private double largestTransaction() {
        var summary = meters.find("alliance_pulse.inbox.events_per_transaction").tag("topic", Topics.SESSION_EVENTS)
                .summary();
        return summary == null ? 0 : summary.max();
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("topic", Topics.SESSION_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }
}
