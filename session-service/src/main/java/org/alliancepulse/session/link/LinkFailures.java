package org.alliancepulse.session.link;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(LinkFailures.class);

    /** Salts the addresses in the log: one address's lock-outs can be told apart, the address itself not read back. */
    private static final byte[] SALT = new java.security.SecureRandom().generateSeed(16);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String address) {
        em.createNativeQuery("INSERT INTO feedback_link_failure (address, failed_at) VALUES (?1, ?2)")
                .setParameter(1, address).setParameter(2, Instant.now()).executeUpdate();
        if (failuresInWindow(address) == config.maxFailures()) {
            // a security event for the network's monitoring: someone may be guessing links (outside probe: lock-outs
            // left no trace). Once per lock-out, when it begins; the address only as a salted hash.
            LOG.warnf("Feedback link look-ups from one address (%s) failed %d times within %s: its look-ups are "
                    + "refused (429) until the window passes", hashed(address), config.maxFailures(),
                    config.failureWindow());
        }
    }

    private long failuresInWindow(String address) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM feedback_link_failure WHERE address = ?1 AND failed_at > ?2")
                .setParameter(1, address).setParameter(2, Instant.now().minus(config.failureWindow()))
                .getSingleResult()).longValue();
    }

    static String hashed(String address) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(SALT);
            byte[] digest = sha.digest(address.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "address-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this address has failed too often lately. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tooMany(String address) {
        return failuresInWindow(address) >= config.maxFailures();
    }

    /** Drops failures older than the window; nothing else reads them. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        em.createNativeQuery("DELETE FROM feedback_link_failure WHERE failed_at < ?1")
                .setParameter(1, Instant.now().minus(config.failureWindow())).executeUpdate();
    }
}
