package org.alliancepulse.analytics.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

import org.alliancepulse.analytics.assessment.DyadAssessor;
import org.alliancepulse.analytics.assessment.NetworkSpread;
import org.alliancepulse.analytics.dyad.ClientLocks;
import org.alliancepulse.analytics.dyad.Dyad;
import org.alliancepulse.analytics.dyad.DyadRecorder;
import org.alliancepulse.analytics.dyad.ClientRows;
import org.alliancepulse.analytics.dyad.ClinicNames;
import org.alliancepulse.contracts.MalformedEventException;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.alliancepulse.platform.problem.ProblemException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the dyad state from the topics, from their beginning: forgets every episode, dyad, session, measure and
 * assessment (and the inbox's record of them), reads {@code intake-events} and {@code session-events} up to where
 * they end now, records every event again, then assesses every dyad once. Alerts are not forgotten: assessing finds
 * the alerts it raised before (their ids come from dyad, kind and session), so a rebuild with unchanged rules
 * announces nothing; with changed rules it raises and withdraws what the new rules say.
 * <p>
 * <b>Fast by design.</b> A client's events on both topics share a key, so they lie in the same-numbered partition of
 * each: the rebuild folds one partition number at a time in memory, with the same {@link DyadRecorder} the live
 * consumers use ({@link ClientRows} instead of the database), and writes the folded rows with COPY
 * ({@link CopyRows}); the next partition is folded on a second thread while the previous one is written. Then it
 * assesses the dyads of 500 clients per transaction, two transactions at a time, each slice read in seven queries.
 * Memory holds two partitions' rows at a time: create the topics with partitions enough for the history to come.
 * Partitions added to a topic that already holds events move a client's later events to another partition than its
 * earlier ones; two folds would then each hold part of a client, and the COPY of the second refuses the rows the
 * first wrote (a rebuild fails there, after the folds before it were written; see the README).
 * <p>
 * Live consumption waits meanwhile: the rebuild holds {@link ClientLocks#REBUILD_LOCK} exclusively, live
 * transactions need it shared and wait, uncounted, until it is released; afterwards they go on from where they
 * were, and the events the rebuild applied already are duplicates to them. A rebuild that fails part-way leaves the
 * state partial and marked so ({@link RebuildRun}): live events go on waiting until a rebuild finishes.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    private static final int CLIENTS_PER_TRANSACTION = 500;
    private static final int ASSESSING_THREADS = 2;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    DyadAssessor assessor;

    @Inject
    NetworkSpread spread;

    @Inject
    RebuildRun run;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** The live consumers' group (both channels share it). */
    @ConfigProperty(name = "mp.messaging.incoming.session-events.group.id")
    String group;

    /** What a rebuild did. */
    @Schema(example = "{\"events\":120431,\"skipped\":2,\"dyads\":5120,\"seconds\":14.2}")
    public record Report(long events, long skipped, long dyads, double seconds) {
    }

    /** Held by the rebuild that runs (session-level, any instance): a second one asked for meanwhile is refused. */
    static final long RUNNING_LOCK = ClientLocks.REBUILD_LOCK + 1;

    /** Rebuilds; one already running (here or on another instance) is waited for, then this one runs. */
    public Report run() {
        return run(true);
    }

    /**
     * Rebuilds unless one is running (here or on another instance): then a 409, as an admin asking twice meant one
     * rebuild (outside probe: two requests 0.3 s apart rebuilt twice, one after the other).
     */
    public Report runUnlessRunning() {
        return run(false);
    }

    private Report run(boolean waitForARunningOne) {
        Instant started = Instant.now();
        try (Connection lock = dataSource.getConnection()) {
            if (waitForARunningOne) {
                advisory(lock, "SELECT pg_advisory_lock(?)", RUNNING_LOCK);
            } else if (!tryAdvisory(lock, RUNNING_LOCK)) {
                throw ProblemException.conflict("a rebuild is running already; its answer says what it did");
            }
            advisory(lock, "SELECT pg_advisory_lock(?)");
            try {
                Map<TopicPartition, Long> end = endOffsets();
                List<List<TopicPartition>> folds = folds(end.keySet());
                QuarkusTransaction.requiringNew().run(() -> forget(folds.size()));
                long[] counts = new long[2];
                long[] nanos = new long[2]; // folding (on its own thread, beside the writing), writing
                // one fold ahead: the next partition is read and folded (Kafka, JSON: this JVM's CPU) while the
                // previous one is written (mostly PostgreSQL's CPU), so the two cores work at the same time
                ExecutorService folding = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild-fold"));
                try {
                    Future<Folded> next = folding.submit(() -> fold(folds.get(0), end));
                    for (int i = 0; i < folds.size(); i++) {
                        Folded folded = await(next);
                        if (i + 1 < folds.size()) {
                            List<TopicPartition> following = folds.get(i + 1);
                            next = folding.submit(() -> fold(following, end));
                        }
                        counts[0] += folded.events();
                        counts[1] += folded.skipped();
                        nanos[0] += folded.nanos();
                        long writing = System.nanoTime();
                        write(folded);
                        nanos[1] += System.nanoTime() - writing;
                        run.written(folded.events(), folded.skipped());
                    }
                } finally {
                    folding.shutdownNow();
                }
                long assessing = System.nanoTime();
                long dyads = assessAll();
                Report report = new Report(counts[0], counts[1], dyads,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                run.finish(report);
                LOG.infof("Rebuilt the analytics state: %d events (%d skipped as unreadable), %d dyads, %.1f s "
                        + "(reading and folding %.1f s beside writing %.1f s, assessing %.1f s)", report.events(),
                        report.skipped(), report.dyads(), report.seconds(), nanos[0] / 1e9, nanos[1] / 1e9,
                        (System.nanoTime() - assessing) / 1e9);
                return report;
            } catch (RuntimeException e) {
                // the exception's type only: a database's message may quote a row
                LOG.errorf("The rebuild failed part-way (%s): the state is partial and live events wait until a "
                        + "rebuild finishes; POST /api/admin/rebuild once the cause is mended (a restart resumes it)",
                        e.getClass().getName());
                throw e;
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
                advisory(lock, "SELECT pg_advisory_unlock(?)", RUNNING_LOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not hold the rebuild lock", e);
        }
    }

    private void forget(int partitions) {
        entityManager.unwrap(Session.class).doWork(connection -> RebuildRun.begin(connection, partitions));
        entityManager.createNativeQuery("TRUNCATE episode_of_care, dyad, session_record, feedback_measure, "
                + "session_assessment, therapist_login, network_sd_snapshot").executeUpdate();
        // The inbox's ids are forgotten with the state. They are normally all this service's own (one consumer
        // name for both topics): then the table is emptied at once, where a DELETE of a million rows took seconds
        // and left every later insert to step over its dead index entries. Another consumer's ids stay.
        boolean othersToo = (Boolean) entityManager.createNativeQuery(
                "SELECT EXISTS (SELECT 1 FROM inbox_processed_event WHERE consumer < :consumer)"
                        + " OR EXISTS (SELECT 1 FROM inbox_processed_event WHERE consumer > :consumer)")
                .setParameter("consumer", consumer).getSingleResult();
        if (othersToo) {
            entityManager.createNativeQuery("DELETE FROM inbox_processed_event WHERE consumer = :consumer")
                    .setParameter("consumer", consumer).executeUpdate();
        } else {
            entityManager.createNativeQuery("TRUNCATE inbox_processed_event").executeUpdate();
        }
    }

    /**
     * The partitions whose events are folded together: same-numbered ones when both topics have as many (the
     * default partitioner puts a key in the same-numbered partition of each), otherwise all of them at once.
     */
    static List<List<TopicPartition>> folds(Collection<TopicPartition> partitions) {
        Map<String, Long> perTopic = new HashMap<>();
        partitions.forEach(p -> perTopic.merge(p.topic(), 1L, Long::sum));
        if (perTopic.values().stream().distinct().count() > 1) {
            return List.of(List.copyOf(partitions));
        }
        Map<Integer, List<TopicPartition>> byNumber = new TreeMap<>();
        partitions.forEach(p -> byNumber.computeIfAbsent(p.partition(), k -> new ArrayList<>()).add(p));
        return List.copyOf(byNumber.values());
    }

    /** A partition number's events folded in memory, with the ids of the events applied (for the inbox). */
    private record Folded(List<TopicPartition> partitions, ClientRows rows, Map<String, String> applied, long events,
            long skipped, long nanos) {
    }

    /**
     * Reads the partitions to where they ended and folds their events in memory. Plain Java, no transaction: it runs
     * on its own thread.
     */
    private Folded fold(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        long folding = System.nanoTime();
        long events = 0;
        long skipped = 0;
        ClientRows rows = new ClientRows();
        EventHandlers recording = new DyadRecorder(rows).recording();
        Map<String, String> applied = new LinkedHashMap<>(); // event id -> type, for the inbox
        try (KafkaConsumer<String, String> reader = reader()) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    IncomingEvent event;
                    try {
                        event = IncomingEvent.of(record);
                    } catch (MalformedEventException e) {
                        skipped++; // poison: on the dead-letter topic since it first arrived
                        continue;
                    }
                    if (!recording.handles(event.type()) || applied.containsKey(event.id())) {
                        continue; // one this state does not follow, or the same event published twice
                    }
                    try {
                        recording.apply(event);
                        applied.put(event.id(), event.type());
                        events++;
                    } catch (MalformedEventException e) {
                        skipped++;
                    }
                }
            }
        }
        return new Folded(partitions, rows, applied, events, skipped, System.nanoTime() - folding);
    }

    /** Writes a fold's rows with COPY, and its event ids into the inbox, in one transaction. */
    private void write(Folded folded) {
        ClientRows rows = folded.rows();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                CopyRows.LOGINS.write(connection, rows.logins());
                CopyRows.EPISODES.write(connection, rows.episodes());
                CopyRows.DYADS.write(connection, rows.dyads());
                CopyRows.SESSIONS.write(connection, rows.sessions());
                CopyRows.MEASURES.write(connection, rows.measures());
                ClinicNames.record(connection, rows.clinicNames());
            });
            recordInInbox(folded.applied());
        });
        LOG.debugf("Rebuild wrote %s: %d events, %d rows", folded.partitions(), folded.applied().size(), rows.size());
    }

    private static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a step of the rebuild failed", e.getCause());
        }
    }

    /**
     * The inbox learns every applied id, so live consumers skip them later; by COPY, like the state's rows. The
     * rebuild has just forgotten this consumer's ids and each event id is folded once (a fold skips an id it has
     * applied; an event's key, the client, puts every copy of it in the same partition, hence the same fold), so
     * nothing conflicts: a conflict would mean two folds applied the same event, which the state's own COPY (its
     * primary keys) refuses just the same, and the rebuild fails whole rather than keep half of it.
     */
    private void recordInInbox(Map<String, String> applied) {
        CopyRows<Map.Entry<String, String>> ids = CopyRows.inbox(consumer);
        entityManager.unwrap(Session.class).doWork(connection -> ids.write(connection, applied.entrySet()));
    }

    /**
     * Every dyad, a slice of clients at a time, after every event was folded (so each month's network SD sees all).
     * Two slices at a time: while one thread computes (this JVM's CPU) the other waits on PostgreSQL, so both cores
     * work; slices hold different clients, so their transactions never touch the same rows.
     */
    private long assessAll() {
        spread.refresh();
        List<UUID> clients = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select distinct d.clientId from Dyad d order by d.clientId", UUID.class)
                .getResultList());
        ExecutorService assessing = Executors.newFixedThreadPool(ASSESSING_THREADS,
                r -> new Thread(r, "rebuild-assess"));
        try {
            List<Future<Long>> slices = new ArrayList<>();
            for (int from = 0; from < clients.size(); from += CLIENTS_PER_TRANSACTION) {
                List<UUID> slice = clients.subList(from, Math.min(clients.size(), from + CLIENTS_PER_TRANSACTION));
                slices.add(assessing.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    ClientRows rows = new ClientRows();
                    rows.load(slice);
                    List<Dyad> ofSlice = slice.stream().flatMap(client -> rows.dyadsOf(client).stream()).toList();
                    assessor.reassessAll(ofSlice, rows);
                    return (long) ofSlice.size();
                })));
            }
            long dyads = 0;
            for (Future<Long> slice : slices) {
                dyads += await(slice);
            }
            return dyads;
        } finally {
            assessing.shutdownNow();
        }
    }

    /** How many events of the two topics this service's consumer group has not committed yet, of how many. */
    public Backlog backlog() {
        Map<TopicPartition, Long> end = endOffsets();
        Properties properties = readerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(properties)) {
            // committed() asks the group's coordinator without joining the group
            Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(end.keySet(), Duration.ofSeconds(30));
            Map<TopicPartition, Long> beginnings = reader.beginningOffsets(end.keySet(), Duration.ofSeconds(30));
            long waiting = 0;
            long total = 0;
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata at = committed.get(partition.getKey());
                long beginning = beginnings.get(partition.getKey());
                total += partition.getValue() - beginning;
                waiting += partition.getValue() - Math.max(beginning, at == null ? 0 : at.offset());
            }
            return new Backlog(waiting, total);
        }
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
        return new KafkaConsumer<>(readerProperties());
    }

    private Properties readerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    private static void advisory(Connection connection, String sql) throws SQLException {
        advisory(connection, sql, ClientLocks.REBUILD_LOCK);
    }

    private static void advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.executeQuery();
        }
    }

    private static boolean tryAdvisory(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
