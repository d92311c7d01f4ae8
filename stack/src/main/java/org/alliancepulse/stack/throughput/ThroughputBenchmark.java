package org.alliancepulse.stack.throughput;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventJson;
import org.alliancepulse.contracts.EventType;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.stack.CpuTimes;
import org.alliancepulse.stack.DemoUsers;
import org.alliancepulse.stack.Machine;
import org.alliancepulse.stack.Service;
import org.alliancepulse.stack.ServiceProcess;
import org.alliancepulse.stack.Stack;
import org.alliancepulse.stack.RepoRoot;
import org.alliancepulse.stack.Resident;
import org.alliancepulse.testinfra.servers.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast the analytics service takes in a network's events, beside what this machine's Kafka and PostgreSQL can
 * do at all, in one run on the real stack ({@code stack/run-throughput.sh [events]}):
 * <ol>
 * <li>a synthetic year of a network ({@link SyntheticNetwork}) goes onto intake-events and session-events while the
 * analytics service is stopped (the other services are stopped too: nothing else competes for the cores);</li>
 * <li><b>catch-up</b>: a fresh analytics instance takes in the backlog, timed from its readiness until its consumer
 * group's lag is 0 — as the service does it: far behind, by a rebuild at start and then skipping what it applied
 * ({@code RebuildOnStart}); with {@code ALLIANCE_PULSE_REBUILD_ON_START_ABOVE=0} in the environment, batch by batch
 * through its live consumers (inbox, batches, assessment, alerts through the outbox);</li>
 * <li><b>rebuild</b>: {@code POST /api/admin/rebuild} reads both topics from the beginning and replaces the state;</li>
 * <li><b>Kafka</b>: a plain consumer reads the same records (String values, no processing): the ceiling for reading;</li>
 * <li><b>PostgreSQL</b>: JDBC batch upserts of as many rows of a session row's width into the analytics database:
 * the ceiling for writing.</li>
 * </ol>
 * A measurement, not a test: it asserts nothing and prints the figures with the machine.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        int events = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 1_000_000;
        Path repoRoot = RepoRoot.find();
        try (Stack stack = Stack.unstarted(repoRoot, repoRoot.resolve(".stack-benchmark")).launch()) {
            run(stack, events);
        }
    }

    /**
     * On a started stack: stops its services, measures one analytics instance started alone, then the catch-up and
     * the rebuild of {@code events} events beside Kafka's and PostgreSQL's own rates; the report.
     */
    public static String run(Stack stack, int events) throws Exception {
        for (Service other : List.of(Service.INTAKE, Service.SESSION, Service.NOTIFICATION, Service.ANALYTICS)) {
            stack.service(other).close();
        }
        // one service started alone, on a quiet machine: its own start time and idle memory
        long launched = System.nanoTime();
        ServiceProcess alone = stack.startAnotherInstance(Service.ANALYTICS, "alone");
        String aloneLine = String.format("analytics started alone: ready (/q/health/ready 200) %.1f s after launch, "
                + "Quarkus' own 'started in' %s, VmRSS idle %d MB", seconds(launched), alone.startedIn(),
                Resident.rssMb(alone.pid()));
        System.out.println("[throughput] " + aloneLine);
        alone.close();
        List<SyntheticNetwork.Timed> network = SyntheticNetwork.generate(events, 42);
        long produceStart = System.nanoTime();
        produce(stack.kafkaBootstrapServers(), network);
        double produceSeconds = seconds(produceStart);
        System.out.printf("[throughput] %d events on the topics in %.1f s%n", network.size(), produceSeconds);

        ServiceProcess analytics = stack.startAnotherInstance(Service.ANALYTICS, "throughput");
        long readyAt = System.nanoTime();
        Map<String, Double> cpuAtReady = CpuTimes.read(analytics);
        long lagAtReady;
        // one admin client for all the polling: a new one every 250 ms cost the machine more than the polling
        try (Admin admin = admin(stack.kafkaBootstrapServers())) {
            lagAtReady = lag(admin);
            while (lag(admin) > 0) {
                Thread.sleep(250);
            }
        }
        double catchUpSeconds = seconds(readyAt);
        String catchUpCpu = CpuTimes.between(cpuAtReady, CpuTimes.read(analytics), catchUpSeconds);
        System.out.print("[throughput] CPU during the catch-up:\n" + catchUpCpu);
        System.out.printf("[throughput] catch-up: %d events in %.1f s after readiness%n", lagAtReady,
                catchUpSeconds);
        System.out.println("[throughput] the catch-up's table reads (pg_stat_user_tables):\n" + tableReads(stack));

        long rebuildStart = System.nanoTime();
        Map<String, Double> cpuBeforeRebuild = CpuTimes.read(analytics);
        HttpResponse<String> rebuilt = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(analytics.baseUrl() + "/api/admin/rebuild"))
                .header("Authorization", "Bearer " + stack.token(DemoUsers.ADMIN))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        double rebuildSeconds = seconds(rebuildStart);
        String rebuildCpu = CpuTimes.between(cpuBeforeRebuild, CpuTimes.read(analytics), rebuildSeconds);
        System.out.printf("[throughput] rebuild: %d %s in %.1f s%n", rebuilt.statusCode(), rebuilt.body(),
                rebuildSeconds);
        String counts = counts(stack);

        double kafkaRate = plainConsume(stack.kafkaBootstrapServers());
        long sessionEvents = network.stream()
                .filter(t -> EventTypes.of(t.payload()).topic().equals(Topics.SESSION_EVENTS)).count();
        double[] perfTool = consumerPerfTool(stack.kafkaBootstrapServers(), sessionEvents);
        double upsertRate = batchUpserts(stack.postgres(), network.size());

        StringBuilder report = new StringBuilder("\n[throughput] " + network.size() + " events, " + Machine.describe()
                + "\n");
        report.append(String.format("  producing the events (one producer, acks=all)     %9.0f events/s%n",
                network.size() / produceSeconds));
        report.append(String.format("  analytics catch-up (as the service takes it in)    %9.0f events/s  (%d in %.1f s)%n",
                lagAtReady / catchUpSeconds, lagAtReady, catchUpSeconds));
        report.append(String.format("  analytics rebuild (POST /api/admin/rebuild)        %9.0f events/s  (%d in %.1f s)%n",
                network.size() / rebuildSeconds, network.size(), rebuildSeconds));
        report.append(String.format("  Kafka plain consumer, same records                 %9.0f records/s%n",
                kafkaRate));
        report.append(String.format("  Kafka's kafka-consumer-perf-test, session-events   %9.0f records/s  "
                + "(fetching; %.0f/s with joining the group)%n", perfTool[1], perfTool[0]));
        report.append(String.format("  PostgreSQL JDBC batch upsert, session-row width   %9.0f rows/s%n",
                upsertRate));
        report.append(String.format("  catch-up / upsert %.1f %%, catch-up / perf tool %.2f %%, rebuild / upsert "
                + "%.1f %%%n", 100 * lagAtReady / catchUpSeconds / upsertRate,
                100 * lagAtReady / catchUpSeconds / perfTool[1], 100 * network.size() / rebuildSeconds / upsertRate));
        report.append("  ").append(aloneLine).append('\n');
        report.append("  CPU during the catch-up:\n").append(catchUpCpu);
        report.append("  CPU during the rebuild:\n").append(rebuildCpu);
        report.append("  state after: ").append(counts).append('\n');
        System.out.println(report);
        return report.toString();
    }

    private static void produce(String kafka, List<SyntheticNetwork.Timed> network) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (SyntheticNetwork.Timed timed : network) {
                EventPayload payload = timed.payload();
                EventType<EventPayload> type = EventTypes.of(payload);
                ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), payload.aggregateId(),
                        EventJson.write(payload));
                Map.of(CloudEventHeaders.SPEC_VERSION, "1.0",
                        CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, type.type(),
                        CloudEventHeaders.SOURCE, "throughput-benchmark",
                        CloudEventHeaders.SUBJECT, payload.aggregateId(),
                        CloudEventHeaders.TIME, timed.at().toString(),
                        CloudEventHeaders.CONTENT_TYPE, "application/json")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static Admin admin(String kafka) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return Admin.create(props);
    }

    /** Records of intake-events and session-events the analytics consumer group has not committed yet. */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets("alliance-analytics-service").partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS)) {
            for (int p = 0; p < Stack.PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /**
     * Kafka's own consumer performance tool ({@code kafka-consumer-perf-test}'s class) in a JVM of its own, reading
     * the whole topic with a fresh group: {records/s overall (with joining the group), records/s while fetching}.
     */
    private static double[] consumerPerfTool(String kafka, long messages) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", kafka, "--topic", Topics.SESSION_EVENTS, "--messages", String.valueOf(messages),
                "--group", "consumer-perf-" + UUID.randomUUID(), "--timeout", "60000");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), UTF_8).lines().toList();
        process.waitFor();
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        String result = lines.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("kafka-consumer-perf-test said: " + lines));
        String[] fields = result.split(",\\s*");
        double[] rates = {Double.parseDouble(fields[5]), Double.parseDouble(fields[9])};
        System.out.printf("[throughput] kafka-consumer-perf-test: %s records of %s, %.0f/s (fetching %.0f/s)%n",
                fields[4], Topics.SESSION_EVENTS, rates[0], rates[1]);
        return rates;
    }

    private static double plainConsume(String kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS)) {
                for (int p = 0; p < Stack.PARTITIONS; p++) {
                    partitions.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long start = System.nanoTime();
            long read = 0;
            long bytes = 0;
            while (read < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value().length();
                }
            }
            double rate = read / seconds(start);
            System.out.printf("[throughput] plain consumer: %d records (%d MB of values) at %.0f/s%n", read,
                    bytes >> 20, rate);
            return rate;
        }
    }

    /** Rows like a session row (ids, a time, a few short columns), upserted in JDBC batches of 1000. */
    private static double batchUpserts(PostgresServer postgres, int rows) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(Service.ANALYTICS.database())
                + (postgres.jdbcUrl(Service.ANALYTICS.database()).contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", PostgresServer.USER, PostgresServer.PASSWORD)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS throughput_upsert");
                ddl.execute("""
                        CREATE TABLE throughput_upsert (session_id UUID PRIMARY KEY, client_id UUID NOT NULL,
                            therapist_id UUID NOT NULL, clinic_id TEXT NOT NULL, scheduled_at TIMESTAMPTZ,
                            session_number INT, attendance TEXT, alliance_index NUMERIC(5,2))""");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO throughput_upsert (session_id, client_id, therapist_id, clinic_id, scheduled_at,
                        session_number, attendance, alliance_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_id) DO UPDATE SET attendance = EXCLUDED.attendance,
                        alliance_index = EXCLUDED.alliance_index""")) {
                Instant at = Instant.parse("2025-01-06T09:00:00Z");
                for (int i = 0; i < rows; i++) {
                    upsert.setObject(1, new UUID(7, i % (rows * 2 / 3 + 1))); // a third are updates
                    upsert.setObject(2, new UUID(8, i / 16));
                    upsert.setObject(3, new UUID(9, i / 400));
                    upsert.setString(4, "north");
                    upsert.setTimestamp(5, Timestamp.from(at.plusSeconds(i)));
                    upsert.setInt(6, i % 16 + 1);
                    upsert.setString(7, "ATTENDED");
                    upsert.setBigDecimal(8, java.math.BigDecimal.valueOf(i % 10000, 2));
                    upsert.addBatch();
                    if (i % 1000 == 999) {
                        upsert.executeBatch();
                        connection.commit();
                    }
                }
                upsert.executeBatch();
                connection.commit();
            }
            double rate = rows / seconds(start);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE throughput_upsert");
            }
            connection.commit();
            return rate;
        }
    }

    private static String counts(Stack stack) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(Service.ANALYTICS.database()),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement query = connection.createStatement()) {
            List<String> out = new ArrayList<>();
            for (String table : List.of("dyad", "session_record", "feedback_measure", "session_assessment", "alert")) {
                try (var rows = query.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    out.add(table + " " + rows.getLong(1));
                }
            }
            try (var rows = query.executeQuery("SELECT kind, count(*) FROM alert GROUP BY kind ORDER BY kind")) {
                List<String> kinds = new ArrayList<>();
                while (rows.next()) {
                    kinds.add(rows.getString(1) + " " + rows.getLong(2));
                }
                out.add("alerts by kind " + kinds.stream().collect(Collectors.joining(", ")));
            }
            return String.join(", ", out);
        }
    }

    /** How each analytics table was read so far: whole-table scans versus index lookups, and rows written. */
    private static String tableReads(Stack stack) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(Service.ANALYTICS.database()),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement query = connection.createStatement();
                var rows = query.executeQuery("""
                        SELECT relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd,
                            n_tup_del FROM pg_stat_user_tables ORDER BY seq_tup_read DESC, idx_scan DESC""")) {
            StringBuilder out = new StringBuilder(String.format("  %-28s %9s %14s %10s %14s %10s %10s %8s%n", "table",
                    "seq scans", "rows scanned", "idx scans", "rows by index", "inserted", "updated", "deleted"));
            while (rows.next()) {
                out.append(String.format("  %-28s %9d %14d %10d %14d %10d %10d %8d%n", rows.getString(1),
                        rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                        rows.getLong(7), rows.getLong(8)));
            }
            return out.toString();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
