package org.alliancepulse.notification.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.notification.NotificationConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Drops finished deliveries (SENT, FAILED) older than the configured retention, in small batches. Open ones
 * (pending, waiting for the therapist, being sent) are never touched, however old.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryLogRetention.class);
    private static final int BATCH = 1_000;

    private static final String PURGE = """
            DELETE FROM alert_notification WHERE id IN (
                SELECT id FROM alert_notification
                WHERE status IN ('SENT', 'FAILED', 'CANCELLED', 'SKIPPED')
                  AND coalesce(sent_at, next_attempt_at) < :before
                LIMIT :batch)
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    NotificationConfig config;

    @Scheduled(every = "${alliance-pulse.notification.purge-interval:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now());
    }

    /** @return how many finished deliveries were dropped */
    public long purge(Instant now) {
        Instant before = now.minus(config.deliveryLogRetention());
        long purged = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(PURGE)
                    .setParameter("before", before).setParameter("batch", BATCH).executeUpdate());
            purged += deleted;
        } while (deleted == BATCH);
        if (purged > 0) {
            LOG.infof("Dropped %d finished deliveries older than %s", purged, config.deliveryLogRetention());
        }
        return purged;
    }
}
