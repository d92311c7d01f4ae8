package org.alliancepulse.analytics.dyad;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One transaction at a time per client, across consumers and instances. A client's events come from two topics
 * (intake and sessions), consumed independently: without this, an assignment and a feedback applied at the same
 * moment would each assess the dyad without seeing the other's uncommitted write, and the last word would miss one
 * of them. Held from the start of the transaction, so everything read after it includes the other's commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClientLocks {

    @Inject
    EntityManager entityManager;

    public void hold(UUID clientId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "analytics client " + clientId).getSingleResult();
    }
}
