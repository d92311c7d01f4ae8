package org.alliancepulse.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.platform.work.BackgroundWorker;
import org.alliancepulse.platform.work.BackgroundWorker.Round;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends committed outbox events to Kafka as CloudEvents in binary mode, then deletes them.
 *
 * <p>One thread, woken by {@link Outbox} right after each commit, so an event is on Kafka milliseconds after its
 * transaction; a slow timer only picks up what a crash left behind. A PostgreSQL advisory lock lets one relay of a
 * database drain at a time, which keeps the outbox order (and so the per-key order) when a service runs as several
 * instances. Delivery is at-least-once: a crash between Kafka's acknowledgement and the delete sends a batch again,
 * with the same event ids, which consumers de-duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Any constant shared by all relays on a database; the outbox table is per service database. */
    private static final long RELAY_LOCK = 0x0a11_a4ce_0b0cL;

    private static final String SELECT_BATCH = """
            SELECT position, event_id, topic, record_key, event_type, source, subject, occurred_at, payload
            FROM outbox_event ORDER BY position LIMIT ?
            """;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private BackgroundWorker worker;
    private Producer<String, String> producer;
    private Timer publishLag;
    private Counter published;

    void start(@Observes StartupEvent startup) {
        startRelaying(new KafkaProducer<>(producerProperties()));
    }

    /** Starts relaying through the producer; tests hand in one whose sends they can make fail. */
    void startRelaying(Producer<String, String> kafkaProducer) {
        producer = kafkaProducer;
        publishLag = Timer.builder("alliance_pulse.outbox.publish.lag")
                .description("From the event's write to the outbox until Kafka acknowledged it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        published = Counter.builder("alliance_pulse.outbox.published")
                .description("Events the outbox relay delivered to Kafka")
                .register(meters);
        worker = new BackgroundWorker("outbox-relay", this::relayBatch, config.fallbackInterval(),
                config.maxBackoff());
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopRelaying();
    }

    void stopRelaying() {
        if (worker != null) {
            worker.stop();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** The relay's thread, for {@link Outbox} to wake after a commit. */
    BackgroundWorker worker() {
        return worker;
    }

    private Round relayBatch() {
        try {
            return relayBatchOrThrow();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Round relayBatchOrThrow() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return Round.BUSY_ELSEWHERE;
                }
                List<PendingEvent> events = readBatch(connection);
                if (events.isEmpty()) {
                    connection.rollback();
                    return Round.DONE;
                }
                send(events);
                delete(connection, events);
                connection.commit();
                Instant now = Instant.now();
                for (PendingEvent event : events) {
                    publishLag.record(Duration.between(event.occurredAt(), now));
                }
                published.increment(events.size());
                return events.size() < config.batchSize() ? Round.DONE : Round.MORE;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> readBatch(Connection connection) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new PendingEvent(rs.getLong("position"), rs.getString("event_id"),
                            rs.getString("topic"), rs.getString("record_key"), rs.getString("event_type"),
                            rs.getString("source"), rs.getString("subject"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")));
                }
            }
        }
        return events;
    }

    private void send(List<PendingEvent> events) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            acks.add(producer.send(event.toRecord()));
        }
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void delete(Connection connection, List<PendingEvent> events) throws SQLException {
        Long[] positions = events.stream().map(PendingEvent::position).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE position = ANY(?)")) {
            Array array = connection.createArrayOf("bigint", positions);
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request at a time per broker: a later request must not be appended while an earlier one is being
        // retried (a leader not ready yet, a new partition). A broker with no state for a new producer accepts a
        // later sequence number first; the earlier record then fails, the relay sends the batch again, and the key's
        // events would reach Kafka as 1, 0, 1 (seen once in CI). Records waiting meanwhile go in the next request.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 10_000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private record PendingEvent(long position, String eventId, String topic, String key, String type, String source,
            String subject, Instant occurredAt, String payload) {

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(record, CloudEventHeaders.ID, eventId);
            header(record, CloudEventHeaders.TYPE, type);
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.SUBJECT, subject);
            header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            return record;
        }

        private static void header(ProducerRecord<String, String> record, String name, String value) {
            record.headers().add(new RecordHeader(name, value.getBytes(UTF_8)));
        }
    }
}
