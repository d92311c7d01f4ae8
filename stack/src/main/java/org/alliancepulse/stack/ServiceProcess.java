package org.alliancepulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) as its own OS process, as it runs
 * in production: configured only through environment variables, logging to its own file.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Four JVMs boot at once on two cores next to Keycloak: generous, since a slow start is not a failure. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Measured in docs/benchmarks.md (footprint). The heap starts small and gives memory back after a burst: without
     * -Xms the JVM commits its whole -Xmx at start (a 64th of this machine's 24 GB is more than the limit), and the
     * serial collector only shrinks past MaxHeapFreeRatio. Thread stacks of 512 kB and a 64 MB code cache are what
     * these services use. A JVM out of memory is wedged, not working: it exits, and says so in its log, rather than
     * linger half-alive.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError");

    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("started in ([0-9.]+)s");

    private final Service service;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopOnExit;

    private ServiceProcess(Service service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.stopOnExit = Processes.stopOnExit(process, service.module());
        this.port = port;
        this.log = log;
    }

    /** Starts the service's JVM on the given port and returns at once; see {@link #awaitReady()}. */
    public static ServiceProcess launch(Path repoRoot, Service service, Map<String, String> environment, int port,
            Path logDir) {
        return launch(repoRoot, service, environment, port, logDir, service.module());
    }

    /** As {@link #launch(Path, Service, Map, int, Path)}, logging to {@code <instance>.log}: for a second instance. */
    public static ServiceProcess launch(Path repoRoot, Service service, Map<String, String> environment, int port,
            Path logDir, String instance) {
        Path jar = repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.module() + " is not packaged (no " + jar + "): run ./mvnw install "
                    + "-DskipTests from " + repoRoot + " first");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(instance + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // the analytics service holds a batch's clients' rows (two batches at a time): it gets more room. 128 MB
            // for the others was tried: session-service ran out of heap under 500 ratings/s (thousands of open
            // connections waiting, beyond the 512 waiting requests), docs/benchmarks.md
            command.add(service == Service.ANALYTICS ? "-Xmx512m" : "-Xmx256m");
            command.addAll(JVM_OPTIONS);
            command.addAll(extraOptions(instance));
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            // glibc's default of 8 malloc arenas per core holds tens of MB the JVM's native side never gives back
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            if (service == Service.SESSION) {
                // links start with the service's own address, not with whatever Host a request named (outside probe:
                // Host: evil.example gave an evil.example link); production sets its public address the same way
                builder.environment().putIfAbsent("ALLIANCE_PULSE_FEEDBACK_LINK_PUBLIC_URL", "http://127.0.0.1:" + port);
            }
            return new ServiceProcess(service, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    /**
     * Options from {@code ALLIANCE_PULSE_SERVICE_JAVA_OPTS} (split on spaces; {@code {instance}} replaced by the
     * instance's name), e.g. a flight recording per service while a benchmark runs:
     * {@code ALLIANCE_PULSE_SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/{instance}.jfr,settings=profile'}.
     */
    private static List<String> extraOptions(String instance) {
        String options = System.getenv("ALLIANCE_PULSE_SERVICE_JAVA_OPTS");
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return List.of(options.trim().replace("{instance}", instance).split("\\s+"));
    }

    /** Waits until {@code /q/health/ready} answers 200 (database and Kafka included); throws with the log tail. */
    public ServiceProcess awaitReady() {
        Processes.awaitReady(service.module(), process, URI.create(baseUrl() + "/q/health/ready"), log, READY_TIMEOUT);
        return this;
    }

    public Service service() {
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String toString() {
        return service.module() + " at " + baseUrl();
    }

    public Path log() {
        return log;
    }

    /** Quarkus' own "started in" from this instance's log, e.g. "4.869 s"; "?" before it has started. */
    public String startedIn() {
        try {
            java.util.regex.Matcher started = STARTED.matcher(Files.readString(log));
            return started.find() ? started.group(1) + " s" : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** The JVM's process id (for its resident memory in /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stopTree(process, Duration.ofSeconds(20));
        Processes.forgetStopOnExit(stopOnExit);
    }
}
