package org.alliancepulse.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.alliancepulse.stack.throughput.ThroughputBenchmark;

/**
 * The five measurements of issue 11 on one local stack, one after another: latency under load at 50/s and 500/s
 * (with each service's start time and memory, idle and after each rate), the API rate beside {@code /api/me}, then
 * the analytics catch-up and rebuild of a million events beside Kafka's and PostgreSQL's own rates (with one service
 * started alone). Appends the reports to {@code docs/benchmarks.md} with the date, the commit and the machine.
 */
public final class AllBenchmarks {

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        String[] given = String.join(" ", args).trim().split("\\s+");
        int events = given[0].isEmpty() ? 1_000_000 : Integer.parseInt(given[0]);
        Path repoRoot = RepoRoot.find();
        long started = System.nanoTime();
        StringBuilder reports = new StringBuilder();
        try (Stack stack = Stack.unstarted(repoRoot, repoRoot.resolve(".stack-benchmark")).launch()) {
            reports.append(LoadLatencyBenchmark.run(stack, List.of(50, 500), 60));
            // what 500/s left queued in session-service (answered to clients that gave up) is worked off first
            reports.append(awaitQuiet(stack)).append('\n');
            reports.append(ApiRateBenchmark.run(stack, 16, 20));
            reports.append(ThroughputBenchmark.run(stack, events));
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String section = String.format("%n### `stack/run-benchmark.sh all`, %s, commit %s, %.1f min%n%n```text%s```%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), commit(repoRoot), minutes, reports);
        Path docs = repoRoot.resolve("docs/benchmarks.md");
        Files.writeString(docs, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.printf("%n[all] done in %.1f min; the reports are appended to %s%n", minutes, docs);
    }

    /** Waits (at most 10 minutes) until the machine is mostly idle: below half a core over 3 seconds. */
    private static String awaitQuiet(Stack stack) throws InterruptedException {
        long started = System.nanoTime();
        ServiceProcess session = stack.service(Service.SESSION);
        while (System.nanoTime() - started < 600e9) {
            double before = CpuTimes.read(session).get("whole machine");
            Thread.sleep(3000);
            double busy = (CpuTimes.read(session).get("whole machine") - before) / 3;
            if (busy < 0.5) {
                return String.format("[all] the machine was quiet again %.0f s after the load (%.2f cores busy)",
                        (System.nanoTime() - started) / 1e9, busy);
            }
        }
        return "[all] the machine was still busy 10 minutes after the load; measuring anyway";
    }

    /** The checked-out commit, and whether the work tree differs from it. */
    private static String commit(Path repoRoot) {
        try {
            String head = git(repoRoot, "rev-parse", "--short", "HEAD");
            return git(repoRoot, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head
                    : head + " (with uncommitted changes)";
        } catch (IOException | InterruptedException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String git(Path repoRoot, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repoRoot.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        git.waitFor();
        return out;
    }
}
