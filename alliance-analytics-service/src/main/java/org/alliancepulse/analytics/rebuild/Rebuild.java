package org.alliancepulse.analytics.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

import org.alliancepulse.analytics.assessment.DyadAssessor;
import org.alliancepulse.analytics.assessment.NetworkSpread;
import org.alliancepulse.analytics.dyad.ClientLocks;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.DyadRecorder;
import org.alliancepulse.contracts.MalformedEventException;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the dyad state from the topics, from their beginning: forgets every episode, dyad, session, measure and
 * assessment (and the inbox's record of them), reads {@code intake-events} and {@code session-events} up to where
 * they end now, records every event again, then assesses every dyad once. Alerts are not forgotten: assessing finds
 * the alerts it raised before (their ids come from dyad, kind and session), so a rebuild with unchanged rules
 * announces nothing; with changed rules it raises and withdraws what the new rules say.
 * <p>
 * Live consumption waits meanwhile: the rebuild holds {@link ClientLocks#REBUILD_LOCK} exclusively, live
 * transactions need it shared and wait, uncounted, until it is released; afterwards they go on from where they
 * were, and the events the rebuild applied already are duplicates to them.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    private static final int EVENTS_PER_TRANSACTION = 1000;
    private static final int DYADS_PER_TRANSACTION = 200;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    DyadRecorder recorder;

    @Inject
    DyadAssessor assessor;

    @Inject
    NetworkSpread spread;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** What a rebuild did. */
    @Schema(example = "{\"events\":120431,\"skipped\":2,\"dyads\":5120,\"seconds\":14.2}")
    public record Report(long events, long skipped, long dyads, double seconds) {
    }

    public Report run() {
        Instant started = Instant.now();
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "SELECT pg_advisory_lock(?)");
            try {
                Map<TopicPartition, Long> end = endOffsets();
                QuarkusTransaction.requiringNew().run(this::forget);
                EventHandlers recording = recorder.recording();
                long[] counts = new long[2];
                for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS)) {
                    read(topic, end, recording, counts);
                }
                long dyads = assessAll();
                Report report = new Report(counts[0], counts[1], dyads,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                LOG.infof("Rebuilt the analytics state: %d events (%d skipped as unreadable), %d dyads, %.1f s",
                        report.events(), report.skipped(), report.dyads(), report.seconds());
                return report;
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not hold the rebuild lock", e);
        }
    }

    private void forget() {
        entityManager.createNativeQuery("TRUNCATE episode_of_care, dyad, session_record, feedback_measure, "
                + "session_assessment, therapist_login").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM inbox_processed_event WHERE consumer = :consumer")
                .setParameter("consumer", consumer).executeUpdate();
    }

    private void read(String topic, Map<TopicPartition, Long> end, EventHandlers recording, long[] counts) {
        List<TopicPartition> partitions = end.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
        try (KafkaConsumer<String, String> reader = reader()) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                if (batch.size() >= EVENTS_PER_TRANSACTION) {
                    apply(batch, recording, counts);
                }
            }
            apply(batch, recording, counts);
        }
    }

    /** Records a batch in one transaction, with each event's id in the inbox so live consumers skip it later. */
    private void apply(List<ConsumerRecord<String, String>> batch, EventHandlers recording, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (ConsumerRecord<String, String> record : batch) {
                IncomingEvent event;
                try {
                    event = IncomingEvent.of(record);
                } catch (MalformedEventException e) {
                    counts[1]++; // poison: on the dead-letter topic since it first arrived
                    continue;
                }
                int recorded = entityManager.createNativeQuery("""
                        INSERT INTO inbox_processed_event (consumer, event_id, event_type) VALUES (:c, :id, :type)
                        ON CONFLICT DO NOTHING
                        """).setParameter("c", consumer).setParameter("id", event.id())
                        .setParameter("type", event.type()).executeUpdate();
                if (recorded == 0 || !recording.handles(event.type())) {
                    continue; // the same event published twice, or one this state does not follow
                }
                try {
                    recording.apply(event);
                    counts[0]++;
                } catch (MalformedEventException e) {
                    counts[1]++;
                }
            }
            entityManager.flush();
            entityManager.clear();
        });
        batch.clear();
    }

    /** Every dyad's aggregate first (the network SD pools them), then every dyad's assessment and alerts. */
    private long assessAll() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select d.id from Dyad d order by d.startedAt, d.id", UUID.class).getResultList());
        for (boolean aggregatesOnly : new boolean[] { true, false }) {
            if (!aggregatesOnly) {
                spread.refresh();
            }
            for (int from = 0; from < ids.size(); from += DYADS_PER_TRANSACTION) {
                List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + DYADS_PER_TRANSACTION));
                QuarkusTransaction.requiringNew().run(() -> {
                    for (UUID id : slice) {
                        Dyad dyad = Dyad.findById(id);
                        if (aggregatesOnly) {
                            assessor.keepAggregate(dyad);
                        } else {
                            assessor.reassess(dyad);
                        }
                    }
                });
            }
        }
        return ids.size();
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> reader = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS)) {
                reader.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(reader.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    private KafkaConsumer<String, String> reader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties);
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ClientLocks.REBUILD_LOCK);
            statement.executeQuery();
        }
    }
}
