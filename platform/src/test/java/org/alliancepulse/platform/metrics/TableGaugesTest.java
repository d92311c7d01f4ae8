package org.alliancepulse.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.alliancepulse.testinfra.servers.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Gauges over a real PostgreSQL table: what the table holds when scraped, not what was there at start. */
class TableGaugesTest {

    private static PostgresServer postgres;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.createDatabase("gauges_test"));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(PostgresServer.PASSWORD);
        execute("CREATE TABLE alert (kind TEXT, status TEXT)");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void eachGaugeReadsItsRowOfTheQueryAsTheTableIsNowAndZeroWithoutOne() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        new TableGauges(dataSource, "SELECT kind, status, count(*) FROM alert GROUP BY kind, status", Duration.ZERO)
                .register(registry, "alerts", "test", List.of("kind", "status"), List.of(
                        List.of("RUPTURE", "OPEN"), List.of("RUPTURE", "RESOLVED"), List.of("FIT_CONCERN", "OPEN")));
        execute("INSERT INTO alert VALUES ('RUPTURE', 'OPEN'), ('RUPTURE', 'OPEN'), ('RUPTURE', 'RESOLVED')");

        assertEquals(2, gauge(registry, "RUPTURE", "OPEN"));
        assertEquals(1, gauge(registry, "RUPTURE", "RESOLVED"));
        assertEquals(0, gauge(registry, "FIT_CONCERN", "OPEN"), "no row: zero");

        execute("UPDATE alert SET status = 'RESOLVED'");
        assertEquals(0, gauge(registry, "RUPTURE", "OPEN"));
        assertEquals(3, gauge(registry, "RUPTURE", "RESOLVED"));
    }

    @Test
    void aScrapeWithinTheMaximumAgeReadsTheLastFigures() throws Exception {
        execute("CREATE TABLE waiting (n INT)");
        MeterRegistry registry = new SimpleMeterRegistry();
        new TableGauges(dataSource, "SELECT 'all', count(*) FROM waiting", Duration.ofHours(1))
                .register(registry, "waiting", "test", List.of(), List.of(List.of("all")));
        assertEquals(0, registry.get("waiting").gauge().value());
        execute("INSERT INTO waiting VALUES (1)");
        assertEquals(0, registry.get("waiting").gauge().value(), "read at most once an hour");
    }

    private static double gauge(MeterRegistry registry, String kind, String status) {
        return registry.get("alerts").tag("kind", kind).tag("status", status).gauge().value();
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
