package org.alliancepulse.stack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak (the official Quarkus distribution from Maven Central) as a child process, in dev mode with the
 * {@code alliance-pulse} realm imported from {@code deploy/keycloak/alliance-pulse-realm.json}. Every start imports
 * the realm afresh (its database is deleted first), so a changed realm file always takes effect.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "alliance-pulse";
    public static final String CLI_CLIENT = "alliance-pulse-cli";
    /** The temporary administrator of Keycloak's own {@code master} realm, for the admin console. */
    public static final String CONSOLE_USER = "console-admin";
    /** Where the distribution's tar.gz is; the stack's pom copies it to {@code stack/target/keycloak/}. */
    public static final String DIST_PROPERTY = "alliancepulse.keycloak.dist";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final String consolePassword;
    private final Thread stopOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(Process process, int httpPort, int managementPort, Path log, String consolePassword) {
        this.process = process;
        this.consolePassword = consolePassword;
        this.stopOnExit = Processes.stopOnExit(process, "keycloak");
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Keycloak version the stack runs (the root pom's {@code keycloak.version}). */
    public static String version() {
        String pinned = System.getProperty("alliancepulse.keycloak.version");
        if (pinned != null && !pinned.isBlank()) {
            return pinned;
        }
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/alliance-pulse-stack.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("keycloak.version", "");
            if (version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("alliance-pulse-stack.properties carries no keycloak.version: "
                        + "build the stack module with Maven");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unpacks the distribution under {@code workDir} (once), imports the realm and starts Keycloak on free ports;
     * returns when it reports ready.
     */
    public static KeycloakServer start(Path repoRoot, Path workDir) {
        long started = System.nanoTime();
        String version = version();
        try {
            Path home = unpack(distribution(repoRoot, version), workDir, version);
            Path realm = repoRoot.resolve("deploy/keycloak/alliance-pulse-realm.json");
            if (!Files.isRegularFile(realm)) {
                throw new IllegalStateException("No realm file at " + realm);
            }
            // realm import only happens on an empty database: start from an empty one every time
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);

            int httpPort = Processes.freePort();
            int managementPort = Processes.freePort();
            while (managementPort == httpPort) {
                managementPort = Processes.freePort();
            }
            Path logs = Files.createDirectories(workDir.resolve("logs"));
            Path log = logs.resolve("keycloak.log");
            Path javaHome = javaHome();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    "--hostname=http://127.0.0.1:" + httpPort,
                    "--import-realm"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // a console login for this run only (a fresh password each start, Keycloak on 127.0.0.1): how a network
            // adds a clinic's logins locally
            String consolePassword = randomPassword();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", CONSOLE_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", consolePassword);
            System.out.printf("[infra] Keycloak %s starting (JDK %s, log %s)%n", version, javaHome, log);
            KeycloakServer server = new KeycloakServer(builder.start(), httpPort, managementPort, log,
                    consolePassword);
            try {
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            System.out.printf("[infra] Keycloak %s ready at %s in %d ms%n", version, server.issuerUrl(),
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
    }

    /** The realm's issuer, exactly as it appears in tokens ({@code iss}) and as services must be configured. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/health/ready";
    }

    public Path log() {
        return log;
    }

    /** Keycloak's admin console, where users of the {@code alliance-pulse} realm are added. */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin/master/console/#/" + REALM + "/users";
    }

    /** The console password of this run ({@link #CONSOLE_USER}). */
    public String consolePassword() {
        return consolePassword;
    }

    private static String randomPassword() {
        char[] alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return password.toString();
    }

    /** An access token for a realm user through the password grant of the public CLI client. */
    public String passwordToken(String username, String password) {
        String form = Stream.of(
                        Map.entry("client_id", CLI_CLIENT),
                        Map.entry("grant_type", "password"),
                        Map.entry("username", username),
                        Map.entry("password", password),
                        Map.entry("scope", "openid"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            if (token == null || token.asText().isBlank()) {
                throw new IllegalStateException("Keycloak answered without an access token: " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Token request for " + username + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The copy-paste shell command that gets a token for a user. */
    public String curlForToken(String username, String password) {
        return "curl -s -d client_id=" + CLI_CLIENT + " -d grant_type=password -d username=" + username
                + " -d password=" + password + " " + tokenEndpoint() + " | jq -r .access_token";
    }

    private void awaitReady() {
        Processes.awaitReady("Keycloak", process, URI.create(healthUrl()), log, READY_TIMEOUT);
    }

    @Override
    public void close() {
        Processes.stopTree(process, Duration.ofSeconds(20));
        Processes.forgetStopOnExit(stopOnExit);
    }

    // --- distribution and JDK -------------------------------------------------------------------------------

    private static Path distribution(Path repoRoot, String version) {
        String file = "keycloak-quarkus-dist-" + version + ".tar.gz";
        String pinned = System.getProperty(DIST_PROPERTY);
        Stream<Path> candidates = Stream.of(
                pinned == null || pinned.isBlank() ? null : Path.of(pinned),
                repoRoot.resolve("stack/target/keycloak").resolve(file),
                Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist", version, file));
        return candidates.filter(p -> p != null && Files.isRegularFile(p)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The Keycloak distribution " + file + " is missing: run "
                        + "./mvnw -pl stack generate-resources (or ./mvnw install -DskipTests) from " + repoRoot));
    }

    /** Untars the distribution with the system tar (Maven's unpack truncates Keycloak's long names), once. */
    private static Path unpack(Path distribution, Path workDir, String version) throws IOException {
        Path home = workDir.resolve("keycloak-" + version);
        Path marker = home.resolve(".alliance-pulse-unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        long started = System.nanoTime();
        Files.createDirectories(workDir);
        deleteTree(home);
        Path scratch = Files.createTempDirectory(workDir, "keycloak-unpacking-");
        try {
            Process tar = new ProcessBuilder("tar", "-xzf", distribution.toString(), "-C", scratch.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), UTF_8);
            if (!tar.waitFor(10, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("tar could not unpack " + distribution + ": " + output);
            }
            Path unpacked = scratch.resolve("keycloak-" + version);
            if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
                throw new IllegalStateException(distribution + " has no keycloak-" + version + "/bin/kc.sh");
            }
            Files.move(unpacked, home);
            Files.writeString(marker, distribution.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking Keycloak", e);
        } finally {
            deleteTree(scratch);
        }
        System.out.printf("[infra] Keycloak %s unpacked to %s in %d ms%n", version, home,
                (System.nanoTime() - started) / 1_000_000);
        return home;
    }

    /** A JDK of version 21 or later if there is one (Keycloak 26 prefers it); else the JDK running this code. */
    static Path javaHome() {
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 21) {
            return current;
        }
        Stream<Path> candidates = Stream.empty();
        for (String env : List.of("KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(env);
            if (value != null && !value.isBlank()) {
                candidates = Stream.concat(candidates, Stream.of(Path.of(value)));
            }
        }
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of(System.getProperty("user.home"), ".sdkman/candidates/java"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    candidates = Stream.concat(candidates, children.toList().stream());
                } catch (IOException ignored) {
                    // not readable: skip
                }
            }
        }
        return candidates
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .map(home -> Map.entry(home, featureVersion(home).orElse(0)))
                .filter(e -> e.getValue() >= 21)
                .max(Comparator.comparing(Map.Entry<Path, Integer>::getValue))
                .map(Map.Entry::getKey)
                .orElse(current);
    }

    private static Optional<Integer> featureVersion(Path javaHome) {
        try {
            Path release = javaHome.resolve("release");
            if (!Files.isRegularFile(release)) {
                return Optional.empty();
            }
            return Files.readAllLines(release).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(v -> v.startsWith("1.") ? v.substring(2) : v)
                    .map(v -> v.split("[.+-]")[0])
                    .map(Integer::parseInt)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
