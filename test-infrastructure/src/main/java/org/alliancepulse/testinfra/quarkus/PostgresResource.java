package org.alliancepulse.testinfra.quarkus;

import java.util.Map;

import org.alliancepulse.testinfra.servers.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL server with one database for the service under test. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start();
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", server.createDatabase("service_under_test"),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
