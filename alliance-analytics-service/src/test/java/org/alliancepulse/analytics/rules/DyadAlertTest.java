package org.alliancepulse.analytics.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.analytics.course.SessionRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which alerts are the same concern, for a what-if beside the live settings: the same kind, open at a shared time. */
class DyadAlertTest {

    @ParameterizedTest(name = "{0} days {1}-{2} vs {3} days {4}-{5}: {6}")
    @CsvSource(nullValues = "-", value = {
            // raised one session earlier and still open when the other was raised: the same concern
            "DROPOUT_RISK, 1, -,  DROPOUT_RISK, 2, -,  true",
            "DROPOUT_RISK, 1, 8,  DROPOUT_RISK, 2, 9,  true",
            // resolved the day the other was raised: boundaries count
            "RUPTURE,      1, 8,  RUPTURE,      8, 20, true",
            // resolved before the other was raised: two concerns
            "RUPTURE,      1, 7,  RUPTURE,      8, -,  false",
            "RUPTURE,      9, -,  RUPTURE,      1, 8,  false",
            // another kind is another concern, at the very same time
            "RUPTURE,      1, -,  FIT_CONCERN,  1, -,  false",
    })
    void sameConcernMeansTheSameKindOpenAtASharedTime(AlertKind kind, int raised, Integer resolved,
            AlertKind otherKind, int otherRaised, Integer otherResolved, boolean same) {
        DyadAlert one = alert(kind, raised, resolved);
        DyadAlert other = alert(otherKind, otherRaised, otherResolved);
        assertEquals(same, one.sameConcernAs(other));
        assertEquals(same, other.sameConcernAs(one), "either way round");
    }

    private static DyadAlert alert(AlertKind kind, int raisedOnDay, Integer resolvedOnDay) {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        Instant raised = start.plusSeconds(86_400L * raisedOnDay);
        SessionRef at = new SessionRef(UUID.randomUUID(), raisedOnDay, raised);
        if (resolvedOnDay == null) {
            return new DyadAlert(kind, at, raised, List.of(), null, null, null);
        }
        Instant resolved = start.plusSeconds(86_400L * resolvedOnDay);
        return new DyadAlert(kind, at, raised, List.of(), new SessionRef(UUID.randomUUID(), resolvedOnDay, resolved),
                resolved, Resolution.REPAIRED);
    }
}
