package org.alliancepulse.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Forgets applied event ids after {@link InboxConfig#retention()}, in small batches so that the purge never holds
 * many locks or one long transaction. Several instances may run it at once: a row is deleted once, whoever does it.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private static final int BATCH = 5_000;

    private static final String PURGE = """
            DELETE FROM inbox_processed_event WHERE ctid IN (
                SELECT ctid FROM inbox_processed_event WHERE processed_at < ? LIMIT ?)
            """;

    @Inject
    DataSource dataSource;

    @Inject
    InboxConfig config;

    @Scheduled(every = "${alliance-pulse.inbox.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now());
    }

    /** @return how many ids were forgotten */
    public long purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(config.retention()));
        long purged = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(PURGE)) {
            int deleted;
            do {
                delete.setTimestamp(1, before);
                delete.setInt(2, BATCH);
                deleted = delete.executeUpdate();
                purged += deleted;
            } while (deleted == BATCH);
        } catch (SQLException e) {
            LOG.warnf("Could not purge the inbox (%s); next time", e.getClass().getName());
            return purged;
        }
        if (purged > 0) {
            LOG.infof("Forgot %d applied event id(s) older than %s", purged, config.retention());
        }
        return purged;
    }
}
