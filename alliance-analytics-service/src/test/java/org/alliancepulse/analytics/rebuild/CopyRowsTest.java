package org.alliancepulse.analytics.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The rebuild writes its rows with COPY and a column list of its own: a column added to one of those tables (by a
 * migration) and not written by the rebuild would silently come back empty after a rebuild. This fails first.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class CopyRowsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theRebuildWritesEveryColumnOfTheTablesItFills() {
        for (CopyRows<?> copy : CopyRows.ALL) {
            @SuppressWarnings("unchecked")
            List<String> inTable = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name = :table")
                    .setParameter("table", copy.table()).getResultList());
            assertEquals(new TreeSet<>(inTable), new TreeSet<>(copy.columns()), copy.table());
        }
        assertEquals(Set.of("therapist_login", "episode_of_care", "dyad", "session_record", "feedback_measure"),
                Set.copyOf(CopyRows.ALL.stream().map(CopyRows::table).toList()));
    }
}
