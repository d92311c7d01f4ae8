package org.alliancepulse.notification.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.platform.work.AfterCommit;
import org.jboss.logging.Logger;

/**
 * Releases the alerts that were waiting for their therapist to reach the directory: in the transaction that put the
 * therapist there, WAITING_FOR_THERAPIST becomes PENDING (attempts untouched), and the mailer is woken after commit.
 * <p>
 * A mailer's claiming transaction may be deciding at this very moment, unable to see this uncommitted transaction,
 * that the same therapist is unknown. Without care its WAITING_FOR_THERAPIST would commit after the release below
 * had looked, and wait forever. So the therapist's undecided rows are locked first: that waits for any claim holding
 * one of them, and the release, a later statement with a fresh snapshot (READ COMMITTED), then sees its verdict. A
 * claim that comes after the lock skips those rows (SKIP LOCKED) or, after this commit, finds the therapist.
 */
@ApplicationScoped
public class WaitingAlerts {

    private static final Logger LOG = Logger.getLogger(WaitingAlerts.class);

    private static final String LOCK_UNDECIDED = """
            SELECT id FROM alert_notification
            WHERE therapist_id = :therapist AND status IN ('PENDING', 'SENDING')
            ORDER BY id
            FOR UPDATE
            """;

    private static final String RELEASE = """
            UPDATE alert_notification
            SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE therapist_id = :therapist AND status = 'WAITING_FOR_THERAPIST'
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertMailer mailer;

    void therapistReachable(@Observes TherapistReachable reachable) {
        entityManager.createNativeQuery(LOCK_UNDECIDED).setParameter("therapist", reachable.therapistId())
                .getResultList();
        int released = entityManager.createNativeQuery(RELEASE).setParameter("therapist", reachable.therapistId())
                .setParameter("now", Instant.now()).executeUpdate();
        if (released > 0) {
            LOG.infof("Therapist %s reached the directory: %d waiting alert(s) due now", reachable.therapistId(),
                    released);
            afterCommit.wake(mailer.worker());
        }
    }
}
