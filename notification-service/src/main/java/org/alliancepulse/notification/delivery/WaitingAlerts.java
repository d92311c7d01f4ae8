package org.alliancepulse.notification.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.notification.preferences.PreferencesChanged;
import org.alliancepulse.platform.work.AfterCommit;
import org.jboss.logging.Logger;

/**
 * Releases the emails that were waiting for their recipient: in the transaction that put a therapist in the
 * directory (or changed them), their WAITING_FOR_THERAPIST rows — and WAITING_FOR_SUPERVISOR rows of theirs, which
 * may have become theirs again — become PENDING; in the transaction that gave a clinic a supervisor address, the
 * clinic's WAITING_FOR_SUPERVISOR rows do. Attempts are untouched, and the mailer is woken after commit.
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
            WHERE therapist_id = :therapist AND status IN ('WAITING_FOR_THERAPIST', 'WAITING_FOR_SUPERVISOR')
            """;

    private static final String LOCK_UNDECIDED_OF_CLINIC = """
            SELECT id FROM alert_notification
            WHERE clinic_id = :clinic AND status IN ('PENDING', 'SENDING')
            ORDER BY id
            FOR UPDATE
            """;

    private static final String RELEASE_OF_CLINIC = """
            UPDATE alert_notification
            SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE clinic_id = :clinic AND status = 'WAITING_FOR_SUPERVISOR'
            """;

    /**
     * Held by quiet hours (never tried yet) or waiting for a digest that is not being sent right now: decided again
     * under the therapist's new preferences or standing. (An alert whose digest is SENDING is in that email.)
     */
    private static final String REDECIDE = """
            UPDATE alert_notification a
            SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE a.therapist_id = :therapist AND a.purpose IN ('ALERT', 'RESOLVED')
              AND (a.status = 'IN_DIGEST' OR (a.status = 'PENDING' AND a.attempts = 0 AND a.next_attempt_at > :now))
              AND NOT EXISTS (SELECT 1 FROM alert_notification d
                              WHERE d.purpose = 'DIGEST' AND d.status = 'SENDING' AND d.therapist_id = a.therapist_id
                                AND d.digest_at = a.next_attempt_at)
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertMailer mailer;

    void therapistReachable(@Observes RecipientReachable.TherapistReachable reachable) {
        entityManager.createNativeQuery(LOCK_UNDECIDED).setParameter("therapist", reachable.therapistId())
                .getResultList();
        // no longer active (or back): what is held for them is decided again (the supervisor's, or theirs)
        redecide(reachable.therapistId(), "changed in the directory");
        int released = entityManager.createNativeQuery(RELEASE).setParameter("therapist", reachable.therapistId())
                .setParameter("now", Instant.now()).executeUpdate();
        if (released > 0) {
            LOG.infof("Therapist %s reached the directory: %d waiting alert(s) due now", reachable.therapistId(),
                    released);
            afterCommit.wake(mailer.worker());
        }
    }

    void supervisorReachable(@Observes RecipientReachable.SupervisorReachable reachable) {
        // a claim of the clinic's other emails may be deciding right now: the same lock-then-release as above
        entityManager.createNativeQuery(LOCK_UNDECIDED_OF_CLINIC).setParameter("clinic", reachable.clinicId())
                .getResultList();
        int released = entityManager.createNativeQuery(RELEASE_OF_CLINIC).setParameter("clinic", reachable.clinicId())
                .setParameter("now", Instant.now()).executeUpdate();
        if (released > 0) {
            LOG.infof("Clinic %s has a supervisor address: %d waiting email(s) due now", reachable.clinicId(),
                    released);
            afterCommit.wake(mailer.worker());
        }
    }

    void preferencesChanged(@Observes PreferencesChanged changed) {
        // a claim may be deciding the therapist's due rows under the old preferences: wait for its verdict first
        entityManager.createNativeQuery(LOCK_UNDECIDED).setParameter("therapist", changed.therapistId())
                .getResultList();
        redecide(changed.therapistId(), "changed their preferences");
    }

    private void redecide(java.util.UUID therapistId, String why) {
        int redecided = entityManager.createNativeQuery(REDECIDE).setParameter("therapist", therapistId)
                .setParameter("now", Instant.now()).executeUpdate();
        if (redecided > 0) {
            LOG.infof("Therapist %s %s: %d held email(s) decided again", therapistId, why, redecided);
            afterCommit.wake(mailer.worker());
        }
    }
}
