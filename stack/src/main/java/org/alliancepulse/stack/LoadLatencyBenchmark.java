package org.alliancepulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.testinfra.servers.MailServer.ReceivedMail;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Latency under load on the real local stack: feedback through session-service's HTTP API at a steady rate
 * (open-loop: each request goes out at its scheduled time whether or not earlier ones have answered), for each rate
 * given. Most requests are routine feedback on sessions of background clients; every k-th is the fourth session of
 * a prepared dyad whose rating shows a rupture of the bond. For those, the time from session-service's 2xx to
 * {@code AlertRaised} on {@code alliance-alerts} (the record's own timestamp) and to the email in the SMTP server's
 * store. Also each service's resident memory, idle and after each rate, and its start time. A measurement: it
 * asserts nothing. {@code stack/run-load.sh [rates] [seconds]}.
 */
public final class LoadLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("for client (C-[A-Z0-9]+)");
    private static final List<Double> GOOD = List.of(9.5, 9.5, 9.5, 9.5);
    private static final List<Double> RUPTURE = List.of(4.0, 9.5, 9.0, 9.5);

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String session;

    private LoadLatencyBenchmark(Stack stack) {
        this.stack = stack;
        this.intake = stack.baseUrl(Service.INTAKE);
        this.session = stack.baseUrl(Service.SESSION);
    }

    /** One rate's prepared work: background sessions to rate well, and the rupture sessions to time. */
    private record Plan(int rate, int seconds, List<String> background, List<Dyad> measured) {
    }

    private record Dyad(String clientCode, String fourthSession) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        // "50,500 60", as one argument (the exec plugin's) or two
        String[] given = String.join(" ", args).trim().split("\\s+");
        List<Integer> rates = new ArrayList<>();
        for (String rate : (given[0].isEmpty() ? "50,500" : given[0]).split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        int seconds = given.length > 1 ? Integer.parseInt(given[1]) : 60;
        Path repoRoot = RepoRoot.find();
        try (Stack stack = Stack.unstarted(repoRoot, repoRoot.resolve(".stack-benchmark")).launch()) {
            run(stack, rates, seconds);
        }
    }

    /** Runs the load at each rate on a started stack; the report. */
    public static String run(Stack stack, List<Integer> rates, int seconds) throws Exception {
        return new LoadLatencyBenchmark(stack).run(rates, seconds);
    }

    private String run(List<Integer> rates, int seconds) throws Exception {
        StringBuilder report = new StringBuilder("\n[load] " + Machine.describe() + ", " + Instant.now() + "\n");
        report.append("[load] start to ready (Quarkus' own 'started in'): ").append(startTimes()).append('\n');
        report.append("[load] resident memory, idle: ").append(memory()).append('\n');
        String admin = stack.token(DemoUsers.ADMIN);
        post(intake + "/api/clinics", admin, Map.of("id", "north", "name", "North Clinic",
                "supervisorEmail", "lead@north.example")).join();
        String measuredTherapist = therapist(admin, "bench-measured");
        String backgroundTherapist = therapist(admin, "bench-background");
        List<Plan> plans = new ArrayList<>();
        long setupStarted = System.nanoTime();
        // a warm-up first (first emails open the SMTP connection, load templates and classes): reported, not counted
        Plan warmUp = prepare(10, 10, 10, 90, measuredTherapist, backgroundTherapist);
        for (int rate : rates) {
            int total = rate * seconds;
            int every = rate <= 50 ? 10 : 50; // one timed rupture per this many requests
            plans.add(prepare(rate, seconds, total / every, total - total / every, measuredTherapist,
                    backgroundTherapist));
        }
        awaitNoLag(Duration.ofMinutes(10));
        report.append(String.format("[load] prepared in %.0f s (clients, assignments, sessions, earlier ratings)%n",
                (System.nanoTime() - setupStarted) / 1e9));
        report.append("[load] warm-up: ").append(load(warmUp).replace("[load] ", ""));
        for (Plan plan : plans) {
            report.append(load(plan));
            report.append("[load] resident memory after ").append(plan.rate()).append("/s: ").append(memory())
                    .append('\n');
        }
        System.out.println(report);
        return report.toString();
    }

    private String therapist(String admin, String username) {
        return post(intake + "/api/therapists", admin, Map.of("clinicId", "north", "username", username,
                "displayName", "Dr " + username, "workEmail", username + "@north.example",
                "caseloadCapacity", 10000)).join().path("id").asText();
    }

    /** Clients, assignments and sessions through the APIs, 32 requests in flight. */
    private Plan prepare(int rate, int seconds, int measured, int background, String measuredTherapist,
            String backgroundTherapist) throws Exception {
        String staff = stack.token(DemoUsers.STAFF_NORTH);
        Semaphore inFlight = new Semaphore(32);
        List<Dyad> dyads = Collections.synchronizedList(new ArrayList<>());
        List<String> sessions = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> work = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < measured; i++) {
            inFlight.acquire();
            work.add(client(staff, measuredTherapist, "Timed" + rate + "x" + i).thenCompose(client -> {
                // every other day up to two days ago (recent, so emailed), one booking after another
                List<LocalDate> days = List.of(today.minusDays(8), today.minusDays(6), today.minusDays(4),
                        today.minusDays(2));
                List<CompletableFuture<String>> booked = bookInTurn(staff, client.get(0), days);
                return booked.get(booked.size() - 1).thenCompose(done -> {
                    List<CompletableFuture<JsonNode>> rated = new ArrayList<>();
                    for (int s = 0; s < 3; s++) {
                        rated.add(feedback(staff, booked.get(s).join(), GOOD));
                    }
                    return CompletableFuture.allOf(rated.toArray(CompletableFuture[]::new))
                            .thenRun(() -> dyads.add(new Dyad(client.get(1), booked.get(3).join())));
                });
            }).whenComplete((ok, failure) -> inFlight.release()));
        }
        int perClient = 30;
        for (int c = 0; c * perClient < background; c++) {
            int sessionsHere = Math.min(perClient, background - c * perClient);
            inFlight.acquire();
            work.add(client(staff, backgroundTherapist, "Routine" + rate + "x" + c).thenCompose(client -> {
                List<LocalDate> days = new ArrayList<>(); // weekly, the months before the last two
                for (int s = sessionsHere - 1; s >= 0; s--) {
                    days.add(today.minusDays(60 + 7L * s));
                }
                List<CompletableFuture<String>> booked = bookInTurn(staff, client.get(0), days);
                return booked.get(booked.size() - 1).thenRun(() -> booked.forEach(b -> sessions.add(b.join())));
            }).whenComplete((ok, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        List<String> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new java.util.Random(42));
        return new Plan(rate, seconds, shuffled, new ArrayList<>(dyads));
    }

    /** Registers and assigns a client: [id, code]. */
    private CompletableFuture<List<String>> client(String staff, String therapist, String lastName) {
        return post(intake + "/api/clients", staff, Map.of("clinicId", "north", "firstName", "Bench",
                "lastName", lastName, "dateOfBirth", "1980-01-01")).thenCompose(client -> {
                    String id = client.path("id").asText();
                    return post(intake + "/api/clients/" + id + "/assignment", staff, Map.of("therapistId", therapist))
                            .thenApply(assigned -> List.of(id, client.path("clientCode").asText()));
                });
    }

    /**
     * Books a client's sessions one after another, as a clinic's front desk would, numbered by date. (All at once,
     * 32 clients' 30 bookings each would queue on the dyad's row lock with a database connection each: the first
     * run of this benchmark took 17 minutes to prepare that way.)
     */
    private List<CompletableFuture<String>> bookInTurn(String staff, String client, List<LocalDate> days) {
        List<CompletableFuture<String>> booked = new ArrayList<>();
        CompletableFuture<String> previous = CompletableFuture.completedFuture(null);
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            int number = i + 1;
            previous = previous.thenCompose(ignored -> book(staff, client, day, number));
            booked.add(previous);
        }
        return booked;
    }

    /**
     * Books a session with its number (the bookings of one client run concurrently: numbers by arrival would not
     * follow the dates), again while session-service does not know the assignment yet (409).
     */
    private CompletableFuture<String> book(String staff, String client, LocalDate day, int number) {
        Map<String, Object> body = Map.of("clientId", client, "scheduledAt", day + "T10:00:00Z",
                "sessionNumber", number);
        return send(session + "/api/sessions", staff, body).thenCompose(response -> {
            if (response.statusCode() == 409) {
                LockSupport.parkNanos(20_000_000L);
                return book(staff, client, day, number);
            }
            if (response.statusCode() != 201) {
                throw new IllegalStateException("booking: " + response.statusCode() + " " + response.body());
            }
            return CompletableFuture.completedFuture(parse(response).path("id").asText());
        });
    }

    private CompletableFuture<JsonNode> feedback(String staff, String sessionId, List<Double> answers) {
        return post(session + "/api/sessions/" + sessionId + "/feedback", staff,
                Map.of("instrument", "SRS", "answers", answers));
    }

    /** One rate: open-loop requests for {@code seconds}, then until every timed alert and email has arrived. */
    private String load(Plan plan) throws Exception {
        String staff = stack.token(DemoUsers.STAFF_NORTH);
        int total = plan.background().size() + plan.measured().size();
        int every = Math.max(1, total / Math.max(1, plan.measured().size()));
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();   // session id -> 2xx (epoch ms)
        Map<String, String> codeOfSession = new ConcurrentHashMap<>();
        plan.measured().forEach(d -> codeOfSession.put(d.fourthSession(), d.clientCode()));
        Map<String, Long> alerted = new ConcurrentHashMap<>();       // session id -> AlertRaised record time
        Map<String, Long> emailed = new ConcurrentHashMap<>();       // client code -> seen in the store (epoch ms)
        List<Double> response = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        CountDownLatch positioned = new CountDownLatch(1);
        Thread alerts = new Thread(() -> watchAlerts(watching, alerted, positioned), "load-alerts");
        alerts.start();
        int mailsBefore = stack.mail().receivedCount();
        Thread mails = new Thread(() -> watchMail(watching, mailsBefore, emailed), "load-mail");
        mails.start();
        if (!positioned.await(30, java.util.concurrent.TimeUnit.SECONDS)) { // reading from the end, before any request
            throw new IllegalStateException("the alert watcher found no position on " + Topics.ALLIANCE_ALERTS);
        }

        long interval = 1_000_000_000L / plan.rate();
        long start = System.nanoTime();
        int backgroundNext = 0;
        int measuredNext = 0;
        List<CompletableFuture<?>> requests = new ArrayList<>(total);
        long lateSends = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -interval) {
                lateSends++;
            }
            boolean timed = (i % every == every - 1 && measuredNext < plan.measured().size())
                    || backgroundNext >= plan.background().size();
            String sessionId = timed ? plan.measured().get(measuredNext++).fourthSession()
                    : plan.background().get(backgroundNext++);
            long sent = System.nanoTime();
            requests.add(send(session + "/api/sessions/" + sessionId + "/feedback", staff,
                    Map.of("instrument", "SRS", "answers", timed ? RUPTURE : GOOD)).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() / 100 != 2) {
                            failed.incrementAndGet();
                            return;
                        }
                        response.add((System.nanoTime() - sent) / 1e6);
                        if (timed) {
                            acknowledged.put(sessionId, System.currentTimeMillis());
                        }
                    }));
        }
        long sendingTook = System.nanoTime() - start;
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long answered = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && (alerted.keySet().containsAll(acknowledged.keySet()) == false
                || acknowledged.keySet().stream().anyMatch(s -> !emailed.containsKey(codeOfSession.get(s))))) {
            Thread.sleep(20);
        }
        long drained = System.nanoTime();
        watching.set(false);
        alerts.join();
        mails.join();

        List<Double> toAlert = new ArrayList<>();
        List<Double> toEmail = new ArrayList<>();
        List<long[]> byTime = new ArrayList<>();
        acknowledged.forEach((sessionId, ack) -> {
            Long alert = alerted.get(sessionId);
            Long mail = emailed.get(codeOfSession.get(sessionId));
            if (alert != null) {
                toAlert.add((double) Math.max(0, alert - ack));
                byTime.add(new long[] { ack, alert - ack });
            }
            if (mail != null) {
                toEmail.add((double) Math.max(0, mail - ack));
            }
        });
        byTime.sort((a, b) -> Long.compare(a[0], b[0]));
        int third = byTime.size() / 3;
        StringBuilder out = new StringBuilder(String.format(
                "[load] %d/s for %d s: %d feedback requests sent in %.1f s (%d more than one interval late),"
                        + " %d not 2xx; all answered %.1f s after the first; timed ruptures %d, alerts %d, emails %d;"
                        + " the last arrived %.1f s after the last answer%n",
                plan.rate(), plan.seconds(), total, sendingTook / 1e9, lateSends, failed.get(),
                (answered - start) / 1e9, acknowledged.size(), toAlert.size(), toEmail.size(),
                (drained - answered) / 1e9));
        out.append(row("request -> 2xx", response));
        out.append(row("2xx -> AlertRaised on the topic", toAlert));
        out.append(row("2xx -> email in the SMTP store", toEmail));
        if (third > 0) {
            out.append(String.format("    AlertRaised p50, first third of the run %.0f ms, last third %.0f ms%n",
                    median(byTime.subList(0, third)), median(byTime.subList(byTime.size() - third, byTime.size()))));
        }
        return out.toString();
    }

    private void watchAlerts(AtomicBoolean watching, Map<String, Long> alerted, CountDownLatch positioned) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALLIANCE_ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type != null && EventTypes.ALERT_RAISED.type()
                            .equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        alerted.putIfAbsent(parse(record.value()).path("sessionId").asText(), record.timestamp());
                    }
                }
            }
        }
    }

    private void watchMail(AtomicBoolean watching, int seen, Map<String, Long> emailed) {
        int count = seen;
        while (watching.get()) {
            List<ReceivedMail> fresh = stack.mail().receivedAfter(count);
            long now = System.currentTimeMillis();
            for (ReceivedMail mail : fresh) {
                Matcher code = CODE.matcher(mail.subject());
                if (code.find()) {
                    emailed.putIfAbsent(code.group(1), now);
                }
            }
            count += fresh.size();
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /** Until every consumer group has read everything on its topics (the preparation's events included). */
    private void awaitNoLag(Duration atMost) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", stack.kafkaBootstrapServers());
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Admin admin = Admin.create(config)) {
            long lag;
            do {
                Thread.sleep(1000);
                lag = 0;
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null) {
                            lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                        }
                    }
                }
            } while (lag > 0 && System.nanoTime() < deadline);
            System.out.println("[load] consumer lag after preparing: " + lag);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String url, String token, Object body) {
        try {
            return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<JsonNode> post(String url, String token, Object body) {
        return send(url, token, body).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
            }
            return parse(response);
        });
    }

    private static JsonNode parse(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private String startTimes() {
        StringBuilder out = new StringBuilder();
        for (Service service : Service.values()) {
            out.append(service.module()).append(' ').append(stack.service(service).startedIn()).append("; ");
        }
        return out.toString();
    }

    private String memory() {
        StringBuilder out = new StringBuilder();
        long sum = 0;
        for (Service service : Service.values()) {
            long mb = Resident.rssMb(stack.service(service).pid());
            sum += mb;
            out.append(String.format("%s %d MB; ", service.module(), mb));
        }
        return out.append(String.format("the four %d MB (VmRSS); whole stack: %s", sum, Resident.wholeStack(stack)))
                .toString();
    }

    private static String row(String what, List<Double> millis) {
        if (millis.isEmpty()) {
            return "    " + what + ": no samples\n";
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("    %-34s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (n=%d)%n", what,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double median(List<long[]> samples) {
        List<Long> sorted = new ArrayList<>(samples.stream().map(s -> s[1]).toList());
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
