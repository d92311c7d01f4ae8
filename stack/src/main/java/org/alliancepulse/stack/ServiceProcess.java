package org.alliancepulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final Service service;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
        Path jar = repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.module() + " is not packaged (no " + jar + "): run ./mvnw install "
                    + "-DskipTests from " + repoRoot + " first");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(service.module() + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            return new ServiceProcess(service, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200 (database and Kafka included); throws with the log tail. */
    public ServiceProcess awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + log + ":\n" + Processes.tail(log, 80));
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service.module(), e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service.module(), e);
            }
        }
        throw new IllegalStateException(service.module() + " was not ready at " + baseUrl() + "/q/health/ready within "
                + READY_TIMEOUT.toSeconds() + " s (last: " + last + "). Last lines of " + log + ":\n"
                + Processes.tail(log, 80));
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

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stopTree(process, Duration.ofSeconds(20));
        Processes.forgetStopOnExit(stopOnExit);
    }
}
