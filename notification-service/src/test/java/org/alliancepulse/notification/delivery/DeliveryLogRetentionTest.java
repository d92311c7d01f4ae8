package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Finished deliveries leave the log after its retention; open ones stay, however old. */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class DeliveryLogRetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryLogRetention retention;

    @Inject
    NotificationConfig config;

    @Test
    void finishedDeliveriesOlderThanTheRetentionGoOpenOnesStay() throws SQLException {
        Instant now = Instant.now();
        Instant longAgo = now.minus(config.deliveryLogRetention()).minusSeconds(3600);
        UUID oldSent = insert("SENT", longAgo, longAgo);
        UUID oldFailed = insert("FAILED", null, longAgo);
        // far in the future, so the mailer leaves it alone during the test
        UUID oldWaiting = insert("WAITING_FOR_THERAPIST", null, longAgo);
        UUID recentSent = insert("SENT", now.minusSeconds(60), now.minusSeconds(60));

        retention.purge(now);

        assertEquals(0, count(oldSent));
        assertEquals(0, count(oldFailed));
        assertEquals(1, count(oldWaiting), "an open delivery is never dropped");
        assertEquals(1, count(recentSent));
    }

    private UUID insert(String status, Instant sentAt, Instant nextAttemptAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                INSERT INTO alert_notification (id, alert_id, kind, client_id, client_code, therapist_id, session_date,
                    status, attempts, next_attempt_at, sent_at, purpose, recipient, created_at)
                VALUES (?, ?, 'RUPTURE', ?, 'C-RETAIN', ?, DATE '2024-01-02', ?, 1, ?, ?, 'ALERT', 'THERAPIST', now())
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, UUID.randomUUID());
            insert.setString(5, status);
            insert.setTimestamp(6, Timestamp.from(nextAttemptAt));
            insert.setTimestamp(7, sentAt == null ? null : Timestamp.from(sentAt));
            insert.executeUpdate();
        }
        return id;
    }

    private int count(UUID id) throws SQLException {
        try (var c = dataSource.getConnection();
                var query = c.prepareStatement("SELECT count(*) FROM alert_notification WHERE id = ?")) {
            query.setObject(1, id);
            var rs = query.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
