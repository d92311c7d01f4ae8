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
            assertTrue(log.contains("QUARKUS_DATASOURCE_JDBC_URL"), () -> "the log names the missing setting:\n" + log);
            assertTrue(!log.contains("Listening on"), "it never served");
        }
    }
}
