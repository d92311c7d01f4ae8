package org.alliancepulse.analytics.dyad;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.alliancepulse.platform.inbox.RetryLater;

/**
 * Live events wait while a rebuild runs; and one transaction at a time per client, across consumers and instances. A client's events come from two topics
 * (intake and sessions), consumed independently: without this, an assignment and a feedback applied at the same
 * moment would each assess the dyad without seeing the other's uncommitted write, and the last word would miss one
 * of them. Held from the start of the transaction, so everything read after it includes the other's commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClientLocks {

    @Inject
    EntityManager entityManager;

    /** The advisory lock a rebuild holds exclusively while it replaces the state; live transactions share it. */
    public static final long REBUILD_LOCK = 0x616c6c69616e6365L;

    public void hold(UUID clientId) {
        holdNoRebuild();
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "analytics client " + clientId).getSingleResult();
    }

    /**
     * While a rebuild replaces the state, live events wait: the inbox waits a {@link RetryLater} out, uncounted, and
     * tries again, in order.
     */
    public void holdNoRebuild() {
        Object held = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock_shared(:key)")
                .setParameter("key", REBUILD_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(held)) {
            throw new RetryLater("a rebuild of the analytics state is in progress");
        }
    }
}
