package org.alliancepulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API's own rate on the real local stack, closed-loop: {@code workers} clients each send their next request when
 * the last one has answered, for {@code seconds} per endpoint of session-service — {@code GET /api/me} (a trivial
 * authenticated endpoint: the framework's own limit with token checks, no database), {@code POST /api/sessions}
 * (booking; each worker books for its own client) and {@code POST /api/sessions/{id}/feedback} (on those bookings).
 * Reports requests/s, p50 / p99 and each rate as a share of the trivial one. A measurement: asserts nothing.
 * {@code stack/run-api-rate.sh [workers] [seconds]}.
 */
public final class ApiRateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1, a connection per request in flight, as many clients would come: over HTTP/2 the JDK client multiplexes
    // every request on one connection, and Vert.x serialises a connection's streams on its monitor (a JFR showed 16
    // workers queueing there, which halved the rate of requests with a body)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Result(String what, double perSecond, List<Double> millis, int failed, String cpu) {
    }

    /** The stack measured (session-service's CPU is read around each phase). */
    private Stack stack;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        String[] given = String.join(" ", args).trim().split("\\s+");
        int workers = given[0].isEmpty() ? 16 : Integer.parseInt(given[0]);
        int seconds = given.length > 1 ? Integer.parseInt(given[1]) : 20;
        Path repoRoot = RepoRoot.find();
        try (Stack stack = Stack.unstarted(repoRoot, repoRoot.resolve(".stack-benchmark")).launch()) {
            run(stack, workers, seconds);
        }
    }

    /** Runs on a started stack (and stops its analytics and notification services for the second part); the report. */
    public static String run(Stack stack, int workers, int seconds) throws Exception {
        return new ApiRateBenchmark().measure(stack, workers, seconds);
    }

    private String measure(Stack stack, int workers, int seconds) throws Exception {
        this.stack = stack;
        String intake = stack.baseUrl(Service.INTAKE);
        String session = stack.baseUrl(Service.SESSION);
        ApiClient api = new ApiClient();
        String admin = stack.token(DemoUsers.ADMIN);
        int clinic = api.post(intake + "/api/clinics", admin, Map.of("id", "north", "name", "North Clinic")).status();
        if (clinic != 201 && clinic != 409) { // 409: registered by an earlier benchmark on the same stack
            throw new IllegalStateException("registering the clinic answered " + clinic);
        }
        String therapist = api.post(intake + "/api/therapists", admin, Map.of("clinicId", "north",
                "username", "bench-rate", "displayName", "Dr Rate", "workEmail", "rate@north.example",
                "caseloadCapacity", 10000)).expect(201).field("id");
        String staff = stack.token(DemoUsers.STAFF_NORTH);
        List<String> clients = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String client = api.post(intake + "/api/clients", staff, Map.of("clinicId", "north", "firstName", "Rate",
                    "lastName", "Client" + w, "dateOfBirth", "1980-01-01")).expect(201).field("id");
            api.post(intake + "/api/clients/" + client + "/assignment", staff, Map.of("therapistId", therapist))
                    .expect(201);
            clients.add(client);
        }
        for (String client : clients) { // known to session-service (its first booking), and a warm-up
            while (api.post(session + "/api/sessions", staff, Map.of("clientId", client,
                    "scheduledAt", "2020-01-01T10:00:00Z")).status() == 409) {
                Thread.sleep(20);
            }
        }
        staff = stack.token(DemoUsers.STAFF_NORTH);
        String token = staff;
        measure("warm-up GET /api/me", workers, 5, w -> get(session + "/api/me", token));
        Result me = measure("GET /api/me (trivial, authenticated)", workers, seconds,
                w -> get(session + "/api/me", token));
        List<Result> results = new ArrayList<>(List.of(me));
        results.addAll(bookAndRate(session, token, clients, workers, seconds, "", 0));
        // the same with nothing consuming what they produce (analytics, notification stopped): the request's own cost
        stack.service(Service.ANALYTICS).close();
        stack.service(Service.NOTIFICATION).close();
        results.addAll(bookAndRate(session, token, clients, workers, seconds,
                ", analytics and notification stopped", 20_000)); // 2023: still past, so ratable
        StringBuilder report = new StringBuilder("\n[api-rate] " + workers + " closed-loop workers, " + seconds
                + " s per endpoint, session-service; " + Machine.describe() + ", " + Instant.now() + "\n");
        for (Result r : results) {
            report.append(String.format("  %-75s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  %5.1f %% of the trivial"
                    + "  (%d not 2xx)%n      %s%n", r.what(), r.perSecond(), percentile(r.millis(), 0.5),
                    percentile(r.millis(), 0.99), 100 * r.perSecond() / me.perSecond(), r.failed(), r.cpu()));
        }
        System.out.println(report);
        return report.toString();
    }

    /** Bookings for each worker's client, then ratings of those bookings; hours from {@code offset} on. */
    private List<Result> bookAndRate(String session, String token, List<String> clients, int workers, int seconds,
            String label, int offset) throws Exception {
        ConcurrentLinkedQueue<String>[] booked = queues(workers);
        AtomicInteger[] day = new AtomicInteger[workers];
        for (int w = 0; w < workers; w++) {
            day[w] = new AtomicInteger();
        }
        Result booking = measure("POST /api/sessions (booking)" + label, workers, seconds, w -> {
            Instant at = Instant.parse("2021-01-01T10:00:00Z")
                    .plus(Duration.ofHours(offset + day[w].incrementAndGet()));
            HttpResponse<String> response = post(session + "/api/sessions", token,
                    Map.of("clientId", clients.get(w), "scheduledAt", at.toString()));
            if (response.statusCode() == 201) {
                booked[w].add(field(response.body(), "id"));
            }
            return response.statusCode();
        });
        Result feedback = measure("POST /api/sessions/{id}/feedback" + label, workers, seconds, w -> {
            String id = booked[w].poll();
            if (id == null) {
                return -1; // this worker has rated all its bookings
            }
            return post(session + "/api/sessions/" + id + "/feedback", token,
                    Map.of("instrument", "SRS", "answers", List.of(9.5, 9.5, 9.0, 9.5))).statusCode();
        });
        return List.of(booking, feedback);
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentLinkedQueue<String>[] queues(int n) {
        ConcurrentLinkedQueue<String>[] queues = new ConcurrentLinkedQueue[n];
        for (int i = 0; i < n; i++) {
            queues[i] = new ConcurrentLinkedQueue<>();
        }
        return queues;
    }

    /** Runs {@code call} (worker index -> status, -1 to stop that worker) on every worker for the time given. */
    private Result measure(String what, int workers, int seconds, IntFunction<Integer> call) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(workers);
        long start = System.nanoTime();
        Map<String, Double> cpuBefore = CpuTimes.read(stack.service(Service.SESSION));
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status = call.apply(worker);
                        if (status == -1) {
                            break;
                        }
                        if (status / 100 == 2) {
                            millis.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "rate-" + w);
            thread.start();
        }
        done.await();
        double took = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuAfter = CpuTimes.read(stack.service(Service.SESSION));
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        // CPU milliseconds per answered request: the service's own, PostgreSQL's, and the whole machine's
        int answered = Math.max(1, sorted.size());
        String cpu = String.format("CPU per request: session-service %.2f ms, PostgreSQL %.2f ms, whole machine "
                + "%.2f ms", 1000 * used(cpuBefore, cpuAfter, Service.SESSION.module()) / answered,
                1000 * used(cpuBefore, cpuAfter, "PostgreSQL") / answered,
                1000 * used(cpuBefore, cpuAfter, "whole machine") / answered);
        return new Result(what, sorted.size() / took, sorted, failed.get(), cpu);
    }

    private static double used(Map<String, Double> before, Map<String, Double> after, String who) {
        return after.getOrDefault(who, 0.0) - before.getOrDefault(who, 0.0);
    }

    private int get(String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HttpResponse<String> post(String url, String token, Object body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
