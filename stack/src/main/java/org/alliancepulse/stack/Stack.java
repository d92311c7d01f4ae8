package org.alliancepulse.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.alliancepulse.contracts.Topics;
import org.alliancepulse.testinfra.servers.KafkaBroker;
import org.alliancepulse.testinfra.servers.MailServer;
import org.alliancepulse.testinfra.servers.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole system on this machine, no Docker: a Kafka broker (KRaft), PostgreSQL with one database per service, an
 * SMTP server, Keycloak with the realm, and the four packaged services as separate processes configured through
 * environment variables only. Used by {@link LocalStack} and by the end-to-end test: one copy of the launcher.
 */
public final class Stack implements AutoCloseable {

    /** Partitions per topic, as in production (≥ 6) so per-key ordering is really exercised. */
    public static final int PARTITIONS = 6;
    /** System property for the directory holding Keycloak's unpacked distribution and the logs. */
    public static final String WORK_DIR_PROPERTY = "alliancepulse.stack.work";

    private final Path repoRoot;
    private final Path workDir;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private boolean closed;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private MailServer mail;
    private KeycloakServer keycloak;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    /** Threads that wait (for Keycloak, for the services): not the common pool, which has one thread on two cores. */
    private final ExecutorService waiting = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "alliance-pulse-stack");
        thread.setDaemon(true);
        return thread;
    });

    private Stack(Path repoRoot, Path workDir) {
        this.repoRoot = repoRoot;
        this.workDir = workDir;
    }

    /** Starts everything, with its work directory from {@value #WORK_DIR_PROPERTY} or {@code stack/target/stack-work}. */
    public static Stack start() {
        Path repoRoot = RepoRoot.find();
        String pinned = System.getProperty(WORK_DIR_PROPERTY);
        Path workDir = pinned == null || pinned.isBlank()
                ? repoRoot.resolve("stack/target/stack-work")
                : Path.of(pinned);
        return start(repoRoot, workDir);
    }

    public static Stack start(Path repoRoot, Path workDir) {
        return unstarted(repoRoot, workDir).launch();
    }

    /**
     * A stack that starts nothing until {@link #launch()}: lets a caller register a shutdown hook that {@link #close()}s
     * it before the (long) start begins, so Ctrl-C during the start leaves no process behind.
     */
    public static Stack unstarted(Path repoRoot, Path workDir) {
        return new Stack(repoRoot, workDir.toAbsolutePath().normalize());
    }

    /** Starts everything; returns when the four services are ready; on failure stops what it started and throws. */
    public Stack launch() {
        try {
            startAll();
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        System.out.printf("[stack] starting Alliance Pulse from %s (work dir %s)%n", repoRoot, workDir);
        checkPackaged();
        // Keycloak is the slow one (15-45 s): it boots in its own process while the rest starts here
        CompletableFuture<KeycloakServer> keycloakStarting =
                CompletableFuture.supplyAsync(() -> remember(KeycloakServer.start(repoRoot, workDir)), waiting);
        try {
            kafka = remember(KafkaBroker.start(PARTITIONS));
            createTopics();
            postgres = remember(PostgresServer.start());
            mail = remember(MailServer.start());
            Map<Service, String> jdbcUrls = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                jdbcUrls.put(service, postgres.createDatabase(service.database()));
            }
            keycloak = join(keycloakStarting);
            startServices(jdbcUrls);
        } catch (RuntimeException | Error e) {
            // let a Keycloak that is still booting finish (it times out itself), so close() stops it too
            try {
                keycloakStarting.join();
            } catch (RuntimeException ignored) {
                // it failed on its own; nothing more to stop
            }
            throw e;
        }
        System.out.printf("[stack] Alliance Pulse is up in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    private void checkPackaged() {
        List<String> missing = Arrays.stream(Service.values())
                .filter(s -> !Files.isRegularFile(repoRoot.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar")))
                .map(Service::module).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not packaged: " + missing + ". Run ./mvnw install -DskipTests from "
                    + repoRoot + " first.");
        }
    }

    private void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<NewTopic> topics = Set.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS, Topics.ALLIANCE_ALERTS,
                    Topics.NOTIFICATION_EVENTS).stream()
                    // kept for good: they are the history a rebuild reads from the beginning, and a new service
                    // instance learns its directory from; no PHI is on them (the broker's default is 7 days)
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))
                    .collect(Collectors.toSet());
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the topics", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics", e);
        }
    }

    private void startServices(Map<Service, String> jdbcUrls) {
        long begin = System.nanoTime();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            int port;
            do {
                port = Processes.freePort();
            } while (ports.containsValue(port));
            ports.put(service, port);
        }
        Path logDir = logDir();
        for (Service service : Service.values()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrls.get(service));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuerUrl());
            if (service == Service.NOTIFICATION) {
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.smtpPort()));
                env.put("QUARKUS_MAILER_MOCK", "false");
                // the link in alert emails: where a therapist reads the alert (analytics' alert API, locally)
                env.put("ALLIANCE_PULSE_NOTIFICATION_APP_BASE_URL", "http://127.0.0.1:" + ports.get(Service.ANALYTICS));
            }
            environments.put(service, Map.copyOf(env));
            services.put(service, remember(ServiceProcess.launch(repoRoot, service, env, ports.get(service), logDir)));
        }
        System.out.printf("[stack] launched %s, waiting until ready%n",
                services.keySet().stream().map(Service::module).toList());
        List<CompletableFuture<ServiceProcess>> ready = services.values().stream()
                .map(process -> CompletableFuture.supplyAsync(process::awaitReady, waiting))
                .toList();
        for (CompletableFuture<ServiceProcess> each : ready) {
            ServiceProcess process = join(each);
            System.out.printf("[stack] %s ready at %s (log %s)%n", process.service().module(), process.baseUrl(),
                    process.log());
        }
        System.out.printf("[stack] four services ready in %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        synchronized (started) {
            if (!closed) {
                started.add(resource);
                return resource;
            }
        }
        closeQuietly(resource);
        throw new IllegalStateException("The stack is stopping");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    // --- what tests and the launcher use ------------------------------------------------------------------------

    public Path repoRoot() {
        return repoRoot;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MailServer mail() {
        return mail;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String baseUrl(Service service) {
        return services.get(service).baseUrl();
    }

    /**
     * Starts one more instance of a service, with the same database, Kafka and consumer group as the first: the
     * scale-out path. Returns once it is ready; it stops with the stack, or earlier through {@link ServiceProcess#close}.
     */
    public ServiceProcess startAnotherInstance(Service service, String instance) {
        int port = Processes.freePort();
        ServiceProcess process = remember(ServiceProcess.launch(repoRoot, service, environments.get(service), port,
                logDir(), instance));
        return process.awaitReady();
    }

    /** An access token of a demo user of the realm (all have {@link DemoUsers#PASSWORD}). */
    public String token(String username) {
        return keycloak.passwordToken(username, DemoUsers.PASSWORD);
    }

    /** Stops everything that was started, services first, in reverse order of start. */
    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            closed = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(toStop);
        // the services first, all at once (each waits for its JVM to exit)
        List<CompletableFuture<Void>> stopping = toStop.stream()
                .filter(ServiceProcess.class::isInstance)
                .map(s -> CompletableFuture.runAsync(() -> closeQuietly(s), waiting))
                .toList();
        stopping.forEach(CompletableFuture::join);
        toStop.stream().filter(s -> !(s instanceof ServiceProcess)).forEach(Stack::closeQuietly);
        waiting.shutdown();
        if (!toStop.isEmpty()) {
            System.out.println("[stack] stopped");
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("[stack] could not stop " + resource + ": " + e);
        }
    }
}
