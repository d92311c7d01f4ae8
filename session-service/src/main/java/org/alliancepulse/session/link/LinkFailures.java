package org.alliancepulse.session.link;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Failed link look-ups per client address, in the database so every instance counts the same (no in-memory state).
 * Recorded in a transaction of its own: the failing request itself rolls back.
 */
@ApplicationScoped
public class LinkFailures {

    @Inject
    EntityManager em;

    @Inject
    FeedbackLinkConfig config;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String address) {
        em.createNativeQuery("INSERT INTO feedback_link_failure (address, failed_at) VALUES (?1, ?2)")
                .setParameter(1, address).setParameter(2, Instant.now()).executeUpdate();
    }

    /** Whether this address has failed too often lately. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tooMany(String address) {
        Number count = (Number) em.createNativeQuery(
                "SELECT count(*) FROM feedback_link_failure WHERE address = ?1 AND failed_at > ?2")
                .setParameter(1, address).setParameter(2, Instant.now().minus(config.failureWindow()))
                .getSingleResult();
        return count.intValue() >= config.maxFailures();
    }

    /** Drops failures older than the window; nothing else reads them. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        em.createNativeQuery("DELETE FROM feedback_link_failure WHERE failed_at < ?1")
                .setParameter(1, Instant.now().minus(config.failureWindow())).executeUpdate();
    }
}
