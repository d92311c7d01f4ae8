package org.alliancepulse.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many committed events wait for Kafka and how old the oldest is; DOWN once that age passes
 * {@link OutboxConfig#maxUnsentAge()}, the sign that the relay cannot reach Kafka (or died).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private static final String OLDEST = "SELECT count(*), min(occurred_at) FROM outbox_event";

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(OLDEST);
                ResultSet row = query.executeQuery()) {
            row.next();
            long unsent = row.getLong(1);
            Timestamp oldest = row.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now());
            return status(unsent, age, config.maxUnsentAge());
        } catch (SQLException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", e.getClass().getName()).build();
        }
    }

    static HealthCheckResponse status(long unsent, Duration oldestAge, Duration maxAge) {
        return HealthCheckResponse.named("outbox")
                .status(oldestAge.compareTo(maxAge) <= 0)
                .withData("unsentEvents", unsent)
                .withData("oldestUnsentAgeSeconds", Math.max(0, oldestAge.toSeconds()))
                .withData("maxUnsentAgeSeconds", maxAge.toSeconds())
                .build();
    }
}
