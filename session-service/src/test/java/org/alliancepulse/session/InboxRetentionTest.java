package org.alliancepulse.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.platform.inbox.InboxConfig;
import org.alliancepulse.platform.inbox.InboxRetention;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The inbox forgets applied event ids only after its retention, which defaults far beyond Kafka's. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class InboxRetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    InboxRetention retention;

    @Inject
    InboxConfig config;

    @Test
    void idsOlderThanTheRetentionAreForgottenYoungerOnesKept() throws SQLException {
        assertTrue(config.retention().compareTo(Duration.ofDays(30)) > 0, "default well beyond Kafka's 7 days");
        Instant now = Instant.now();
        String old = insert(now.minus(config.retention()).minusSeconds(60));
        String recent = insert(now.minus(config.retention()).plusSeconds(3600));

        assertTrue(retention.purge(now) >= 1);

        assertEquals(0, count(old));
        assertEquals(1, count(recent));
    }

    private String insert(Instant processedAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement(
                "INSERT INTO inbox_processed_event (consumer, event_id, event_type, processed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "retention-test");
            insert.setString(2, id);
            insert.setString(3, "org.alliancepulse.test.v1");
            insert.setTimestamp(4, java.sql.Timestamp.from(processedAt));
            insert.executeUpdate();
        }
        return id;
    }

    private int count(String id) throws SQLException {
        try (var c = dataSource.getConnection();
                var query = c.prepareStatement("SELECT count(*) FROM inbox_processed_event WHERE event_id = ?")) {
            query.setString(1, id);
            var rs = query.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }
}
