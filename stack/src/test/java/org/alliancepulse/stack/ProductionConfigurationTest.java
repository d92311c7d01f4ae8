package org.alliancepulse.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A packaged service runs the prod profile, which takes its connection settings and secrets from the environment
 * only: started without them it stops at once and names what is missing, instead of trying postgres/postgres on
 * localhost.
 */
class ProductionConfigurationTest {

    @Test
    void aPackagedServiceWithoutItsEnvironmentRefusesToStartAndSaysWhatIsMissing() throws Exception {
        Path repoRoot = RepoRoot.find();
        Path logDir = repoRoot.resolve("stack/target/prod-config-test");
        try (ServiceProcess intake = ServiceProcess.launch(repoRoot, Service.INTAKE, Map.of(), Processes.freePort(),
                logDir, "intake-service-without-environment")) {
            await("the service to give up").atMost(Duration.ofSeconds(90)).until(() -> !intake.isAlive());
            String log = Files.readString(intake.log());
            // the first missing setting it reaches stops it (which one depends on start-up order)
            assertTrue(java.util.stream.Stream.of("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url",
                    "KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers", "QUARKUS_OIDC_AUTH_SERVER_URL",
                    "quarkus.oidc.auth-server-url").anyMatch(log::contains),
                    () -> "the log names a missing setting:\n" + log);
            assertTrue(!log.contains("Listening on"), "it never served");
        }
    }
}
