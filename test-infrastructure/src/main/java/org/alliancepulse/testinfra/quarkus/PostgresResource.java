package org.alliancepulse.testinfra.quarkus;

import java.util.Map;

import org.alliancepulse.testinfra.servers.PostgresServer;
import org.alliancepulse.testinfra.servers.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL server with one database for the service under test, reached through a {@link TcpProxy} that a
 * test can cut ({@link InjectDatabaseLink}) to take the database away from the service and bring it back.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service_under_test";

    private PostgresServer server;
    private TcpProxy link;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start();
        server.createDatabase(DATABASE);
        link = TcpProxy.start("127.0.0.1", server.port());
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + DATABASE,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(link,
                new TestInjector.AnnotatedAndMatchesType(InjectDatabaseLink.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
