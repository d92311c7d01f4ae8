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
 * Readiness reports the outbox — how many committed events wait for Kafka and how old the oldest is — but stays UP:
 * every instance shares the table, so a Kafka outage would otherwise take every instance's API out of service,
 * which is exactly what the outbox is there to prevent (it buffers). The verdict on a stale outbox is
 * {@link OutboxDelivery}, in the {@code delivery} health group, for monitoring to alert on.
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
        return check(false);
    }

    /** @param strict DOWN when the oldest unsent event is older than {@link OutboxConfig#maxUnsentAge()} */
    HealthCheckResponse check(boolean strict) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(OLDEST);
                ResultSet row = query.executeQuery()) {
            row.next();
            long unsent = row.getLong(1);
            Timestamp oldest = row.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now());
            return status(unsent, age, config.maxUnsentAge(), strict);
        } catch (SQLException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", e.getClass().getName()).build();
        }
    }

    static HealthCheckResponse status(long unsent, Duration oldestAge, Duration maxAge, boolean strict) {
        boolean stale = oldestAge.compareTo(maxAge) > 0;
        return HealthCheckResponse.named("outbox")
                .status(!(strict && stale))
                .withData("unsentEvents", unsent)
                .withData("oldestUnsentAgeSeconds", Math.max(0, oldestAge.toSeconds()))
                .withData("maxUnsentAgeSeconds", maxAge.toSeconds())
                .withData("stale", stale)
                .build();
    }
}
