package org.alliancepulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the walking skeleton's two asynchronous paths on the real local stack, sequentially, one sample per new
 * dyad (an open alert suppresses a second one for the same dyad):
 * <ul>
 * <li>assignment: intake answers 201 → session-service accepts a session for the client (intake outbox → Kafka →
 * session-service inbox), found by polling every 2 ms;</li>
 * <li>feedback to email: session-service answers 201 to the SRS that shows a rupture (the fourth session's, after
 * three rated well) → the email is in the SMTP server's store
 * (session outbox → Kafka → analytics → outbox → Kafka → notification → SMTP), polled every 2 ms.</li>
 * </ul>
 * Then prints the outbox relays' own write-to-acknowledged lag from each service's /q/metrics. A measurement, not
 * a test: it asserts nothing. {@code stack/run-benchmark.sh [samples]}.
 */
public final class PathLatencyBenchmark {

    private static final Pattern LAG = Pattern.compile(
            "alliance_pulse_outbox_publish_lag_seconds\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} ([0-9.Ee+-]+)");

    private PathLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        int samples = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 50;
        int warmUp = 5;
        Path repoRoot = RepoRoot.find();
        try (Stack stack = Stack.unstarted(repoRoot, repoRoot.resolve(".stack-benchmark")).launch()) {
            ApiClient api = new ApiClient();
            String intake = stack.baseUrl(Service.INTAKE);
            String session = stack.baseUrl(Service.SESSION);
            String admin = stack.token(DemoUsers.ADMIN);
            api.post(intake + "/api/clinics", admin, Map.of("id", "north", "name", "North Clinic")).expect(201);
            String therapist = api.post(intake + "/api/therapists", admin, Map.of("clinicId", "north",
                    "username", DemoUsers.DR_NORTH, "displayName", "Dr Bench", "workEmail", DemoUsers.DR_NORTH_EMAIL,
                    // every sample is a new client of this one therapist: room for all of them
                    "caseloadCapacity", warmUp + samples))
                    .expect(201).field("id");
            String staff = stack.token(DemoUsers.STAFF_NORTH);

            List<Double> assignment = new ArrayList<>();
            List<Double> feedbackToEmail = new ArrayList<>();
            for (int i = 0; i < warmUp + samples; i++) {
                String client = api.post(intake + "/api/clients", staff, Map.of("clinicId", "north",
                        "firstName", "Bench", "lastName", "Client" + i, "dateOfBirth", "1980-01-01"))
                        .expect(201).field("id");
                api.post(intake + "/api/clients/" + client + "/assignment", staff,
                        Map.of("therapistId", therapist)).expect(201);
                long assigned = System.nanoTime();
                // three weekly sessions rated well, then the timed one whose relationship item falls (a rupture)
                List<String> sessions = new ArrayList<>();
                long known = 0;
                for (int week = 4; week >= 1; week--) {
                    Map<String, Object> booking = Map.of("clientId", client, "sessionDate",
                            LocalDate.now().minusWeeks(week).toString());
                    ApiClient.Response booked = api.post(session + "/api/sessions", staff, booking);
                    // 409 "does not know this client's assignment yet" until intake's event has arrived
                    while (booked.status() == 409) {
                        Thread.sleep(2);
                        booked = api.post(session + "/api/sessions", staff, booking);
                    }
                    if (week == 4) {
                        known = System.nanoTime();
                    }
                    sessions.add(booked.expect(201).field("id"));
                }
                for (int s = 0; s < 3; s++) {
                    api.post(session + "/api/sessions/" + sessions.get(s) + "/feedback", staff,
                            Map.of("instrument", "SRS", "answers", List.of(9.5, 9.5, 9.5, 9.5))).expect(201);
                }

                // only this therapist gets mail here, so the store's size is enough (parsing mails would load the CPU)
                int mailsBefore = stack.mail().receivedCount();
                api.post(session + "/api/sessions/" + sessions.get(3) + "/feedback", staff,
                        Map.of("instrument", "SRS", "answers", List.of(4, 9.5, 9, 9.5))).expect(201);
                long submitted = System.nanoTime();
                long deadline = submitted + 30_000_000_000L;
                while (stack.mail().receivedCount() == mailsBefore) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no email within 30 s for sample " + i);
                    }
                    Thread.sleep(2);
                }
                long emailed = System.nanoTime();
                if (i >= warmUp) {
                    assignment.add((known - assigned) / 1e6);
                    feedbackToEmail.add((emailed - submitted) / 1e6);
                }
            }

            StringBuilder report = new StringBuilder("\n[benchmark] " + samples + " sequential samples after "
                    + warmUp + " warm-up, " + Machine.describe() + "\n");
            report.append(row("assignment visible in session-service (1 hop)", assignment));
            report.append(row("feedback 201 -> email stored by SMTP (3 hops)", feedbackToEmail));
            for (Service service : List.of(Service.INTAKE, Service.SESSION, Service.ANALYTICS)) {
                report.append(String.format("  outbox write -> Kafka ack, %-26s %s%n", service.module() + ":",
                        outboxLag(stack.baseUrl(service))));
            }
            System.out.println(report);
        }
    }

    private static String row(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("  %-48s p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   max %7.1f ms%n", what,
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String outboxLag(String baseUrl) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder out = new StringBuilder();
        Matcher m = LAG.matcher(metrics);
        while (m.find()) {
            out.append(String.format("q%s %.1f ms  ", m.group(1), Double.parseDouble(m.group(2)) * 1000));
        }
        return out.isEmpty() ? "(no samples)" : out.toString().trim();
    }

}
