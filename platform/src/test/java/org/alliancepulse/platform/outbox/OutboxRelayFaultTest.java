package org.alliancepulse.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.servers.KafkaBroker;
import org.alliancepulse.testinfra.servers.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay when Kafka is away: committed events wait in the outbox, nothing is lost or reordered, and they go out
 * (once, with their own ids) when Kafka answers again. Real PostgreSQL and a real broker; the outage is a producer
 * whose sends fail while the test says so, since the in-JVM broker cannot come back on the same address. Topics are
 * created up front, as the stack and a deployment create theirs.
 */
class OutboxRelayFaultTest {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DataSource dataSource;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = PostgresServer.start();
        kafka = KafkaBroker.start(3);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.createDatabase("relay_test"));
        ds.setUser(PostgresServer.USER);
        ds.setPassword(PostgresServer.PASSWORD);
        dataSource = ds;
        String migration;
        try (var in = OutboxRelayFaultTest.class.getClassLoader()
                .getResourceAsStream("db/platform/R__platform_outbox_and_inbox.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(migration);
        }
    }

    @AfterAll
    static void stopServers() {
        kafka.close();
        postgres.close();
    }

    @Test
    void eventsWaitOutAKafkaOutageAndGoOutInOrderOnce() throws Exception {
        String topic = "relay-outage-" + UUID.randomUUID();
        new KafkaEvents(kafka.bootstrapServers()).createTopic(topic, 3);
        String key = UUID.randomUUID().toString();
        OutboxRelay relay = relay();
        FlakyProducer producer = new FlakyProducer(relay);
        producer.outage.set(true);
        relay.startRelaying(producer);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(insertEvent(topic, key, "{\"n\":" + i + "}"));
            }
            relay.worker().wake();

            await().atMost(Duration.ofSeconds(10)).until(() -> producer.failedSends.get() >= 3);
            assertEquals(5, pendingEvents(), "nothing is dropped while Kafka is away");
            OutboxReadiness readiness = new OutboxReadiness();
            readiness.dataSource = dataSource;
            readiness.config = relay.config;
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness.check(true).getStatus() == Status.DOWN);
            assertEquals(5L, readiness.call().getData().orElseThrow().get("unsentEvents"));
            assertEquals(true, readiness.call().getData().orElseThrow().get("stale"));
            assertEquals(Status.UP, readiness.call().getStatus(), "readiness reports a stale outbox, stays UP");

            producer.outage.set(false);

            await().atMost(Duration.ofSeconds(20)).until(() -> pendingEvents() == 0);
            assertEquals(Status.UP, readiness.check(true).getStatus(), "delivery healthy again once drained");
            List<ConsumerRecord<String, String>> records = new KafkaEvents(kafka.bootstrapServers()).readAll(topic);
            assertEquals(ids, records.stream().map(r -> KafkaEvents.header(r, CloudEventHeaders.ID)).toList(),
                    "each event once, in outbox order, with its own id");
            assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"),
                    records.stream().map(ConsumerRecord::value).toList());
            records.forEach(r -> assertEquals(key, r.key()));
        } finally {
            relay.stopRelaying();
        }
    }

    @Test
    void concurrentWritersOnOneKeyAreRelayedInCommitOrderNotInsertOrder() throws Exception {
        String topic = "relay-commit-order-" + UUID.randomUUID();
        new KafkaEvents(kafka.bootstrapServers()).createTopic(topic, 3);
        String key = UUID.randomUUID().toString();
        List<String> commitOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch secondCommitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService second = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            String firstId = write(first, topic, key, "{\"writer\":1}");
            // the second writer on the same key starts after the first wrote, and commits as soon as it can
            Future<?> secondWriter = second.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    String id = write(c, topic, key, "{\"writer\":2}");
                    c.commit();
                    commitOrder.add(id);
                    secondCommitted.countDown();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            // Either the second writer commits while the first is open (no per-key lock: commit order second, first)
            // or PostgreSQL shows it waiting for an advisory lock (the lock: it commits after the first). No timing.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> secondCommitted.getCount() == 0 || advisoryLockWaiters() > 0);
            boolean secondWaitsForFirst = secondCommitted.getCount() > 0;
            if (secondWaitsForFirst) {
                commitOrder.add(firstId); // before its commit: the waiting second can only commit after it
            }
            first.commit();
            if (!secondWaitsForFirst) {
                commitOrder.add(firstId);
            }
            secondWriter.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }

        OutboxRelay relay = relay();
        relay.startRelaying(new KafkaProducer<>(relay.producerProperties()));
        try {
            relay.worker().wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingEvents() == 0);
            List<ConsumerRecord<String, String>> records = new KafkaEvents(kafka.bootstrapServers()).readAll(topic);
            assertEquals(commitOrder, records.stream().map(r -> KafkaEvents.header(r, CloudEventHeaders.ID)).toList(),
                    "Kafka carries one key's events in the order their transactions committed");
        } finally {
            relay.stopRelaying();
        }
    }

    @Test
    void anEventWrittenWhileNoRelayRunsIsSentByTheNextOneWithoutAWakeUp() throws Exception {
        String topic = "relay-restart-" + UUID.randomUUID();
        new KafkaEvents(kafka.bootstrapServers()).createTopic(topic, 3);
        String id = insertEvent(topic, "k", "{\"left\":\"behind\"}");
        OutboxRelay relay = relay();
        relay.startRelaying(new KafkaProducer<>(relay.producerProperties()));
        try {
            // no wake-up: only the fallback timer finds what a crashed instance left in the outbox
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingEvents() == 0);
            List<ConsumerRecord<String, String>> records = new KafkaEvents(kafka.bootstrapServers()).readAll(topic);
            assertEquals(List.of(id), records.stream().map(r -> KafkaEvents.header(r, CloudEventHeaders.ID)).toList());
        } finally {
            relay.stopRelaying();
        }
    }

    private static OutboxRelay relay() {
        OutboxRelay relay = new OutboxRelay();
        relay.dataSource = dataSource;
        relay.meters = new SimpleMeterRegistry();
        relay.bootstrapServers = kafka.bootstrapServers();
        relay.config = new OutboxConfig() {
            @Override
            public Duration fallbackInterval() {
                return Duration.ofMillis(500);
            }

            @Override
            public int batchSize() {
                return 2; // several batches, so order across batches is checked too
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(400);
            }

            @Override
            public Duration maxUnsentAge() {
                return Duration.ofSeconds(1);
            }
        };
        return relay;
    }

    /** Writes an event as {@link Outbox#publish} does, committed. */
    private static String insertEvent(String topic, String key, String payload) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return write(c, topic, key, payload);
        }
    }

    /** Writes an event as {@link Outbox#publish} does, on the connection's current transaction. */
    private static String write(Connection c, String topic, String key, String payload) throws SQLException {
        UUID id = UUID.randomUUID();
        Outbox.write(c, new Outbox.Row(id, topic, key, "org.alliancepulse.test.thing-happened.v1", "test",
                Instant.now(), payload));
        return id.toString();
    }

    private static long advisoryLockWaiters() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long pendingEvents() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A real producer whose sends fail, as when the brokers are unreachable, while {@link #outage} is set. The outage
     * is decided once per relay batch (the sends up to a flush), as a broker outage fails a whole batch: flipping it
     * in the middle of a batch would let a later record through while an earlier one "failed", which no real
     * producer does within a partition.
     */
    static final class FlakyProducer extends KafkaProducer<String, String> {

        final AtomicBoolean outage = new AtomicBoolean();
        final AtomicInteger failedSends = new AtomicInteger();
        private Boolean batchFails;

        FlakyProducer(OutboxRelay relay) {
            super(relay.producerProperties());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (batchFails == null) {
                batchFails = outage.get();
            }
            if (batchFails) {
                failedSends.incrementAndGet();
                return CompletableFuture.failedFuture(new TimeoutException("brokers unreachable (test outage)"));
            }
            return super.send(record, callback);
        }

        @Override
        public synchronized void flush() {
            batchFails = null;
            super.flush();
        }
    }
}
