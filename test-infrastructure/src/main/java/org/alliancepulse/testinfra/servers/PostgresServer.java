package org.alliancepulse.testinfra.servers;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's packaged binaries, from Maven Central) on a free port. Works as root because it
 * runs PostgreSQL in a user namespace. Each service gets its own database on it, as in production each gets its own
 * server.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** Ignored by the server (trust authentication on loopback); services still need some password configured. */
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    // the server's own log leaves out DETAIL and CONTEXT, which quote a refused row ("Failing row
                    // contains (..., 'Halvorsen', 1987-03-14)"); as docker-compose.yml configures it
                    .setServerConfig("log_error_verbosity", "terse")
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            String version;
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                version = c.getMetaData().getDatabaseProductVersion();
            }
            System.out.printf("[infra] PostgreSQL %s started on port %d in %d ms%n", version, server.port(),
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates a database (if it does not exist) and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database names here are lower-case words: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[infra] PostgreSQL did not stop cleanly: " + e);
        }
    }
}
