package org.alliancepulse.analytics.dyad;

import java.sql.PreparedStatement;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.alliancepulse.platform.inbox.RetryLater;
import org.hibernate.Session;

/**
 * Live events wait while a rebuild runs; and one transaction at a time per client, across consumers and instances.
 * A client's events come from two topics
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

    /**
     * Every client of a batch, in the order of the locks' own numbers: two transactions that lock in one order never
     * wait for each other in a circle. (A deadlock PostgreSQL breaks all the same would only cost a retry.)
     */
    public void holdAll(Collection<String> clientIds) {
        holdNoRebuild();
        if (clientIds.isEmpty()) {
            return;
        }
        String[] keys = clientIds.stream().distinct().map(id -> "analytics client " + id).toArray(String[]::new);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(lock)) FROM (
                        SELECT DISTINCT hashtextextended(key, 0) AS lock FROM unnest(?::text[]) AS key ORDER BY 1) ordered
                    """)) {
                lock.setArray(1, connection.createArrayOf("text", keys));
                lock.executeQuery().close();
            }
        });
    }

    /**
     * While a rebuild replaces the state, live events wait: the inbox waits a {@link RetryLater} out, uncounted, and
     * tries again, in order. Also after a rebuild that failed part-way (table {@code rebuild_run}): the state is
     * partial then, and an event applied to it would be assessed against half a history (alerts withdrawn, raised).
     */
    public void holdNoRebuild() {
        Object[] held = (Object[]) entityManager.createNativeQuery("""
                SELECT pg_try_advisory_xact_lock_shared(:key),
                       NOT EXISTS (SELECT 1 FROM rebuild_run WHERE finished_at IS NULL)""")
                .setParameter("key", REBUILD_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(held[0])) {
            throw new RetryLater("a rebuild of the analytics state is in progress");
        }
        if (!Boolean.TRUE.equals(held[1])) {
            throw new RetryLater("the last rebuild of the analytics state did not finish");
        }
    }
}
