package org.alliancepulse.testinfra.quarkus;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The test profile of every service: a real Kafka broker, a real PostgreSQL and an OIDC provider whose keys sign the
 * test's tokens ({@link org.alliancepulse.testinfra.security.Tokens}). Every test class of a module names the same
 * profile, so Quarkus boots once per module.
 */
public class RealInfrastructure implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(KafkaResource.class, Map.of(), true),
                new TestResourceEntry(PostgresResource.class, Map.of(), true),
                new TestResourceEntry(OidcWiremockTestResource.class, Map.of(), true));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.client-id", "alliance-pulse",
                "quarkus.oidc.token.issuer", org.alliancepulse.testinfra.security.Tokens.ISSUER,
                "quarkus.http.test-port", "0",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN",
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"state.change.logger\".level", "WARN",
                // failures and outages are provoked on purpose: shorter waits keep the suite quick
                "alliance-pulse.inbox.max-retry-delay", "1s",
                "quarkus.datasource.jdbc.acquisition-timeout", "1s");
    }

    /** For services that send email: adds a real SMTP server. */
    public static class WithMail extends RealInfrastructure {

        @Override
        public List<TestResourceEntry> testResources() {
            return java.util.stream.Stream.concat(super.testResources().stream(),
                    java.util.stream.Stream.of(new TestResourceEntry(MailResource.class, Map.of(), true))).toList();
        }
    }
}
