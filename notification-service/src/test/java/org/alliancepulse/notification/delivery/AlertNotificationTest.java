package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancepulse.notification.delivery.AlertNotification.Status;
import org.alliancepulse.platform.work.Backoff;
import org.junit.jupiter.api.Test;

/** The delivery log's state machine, without a database. */
class AlertNotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

    private static AlertNotification pending() {
        return AlertNotification.due(UUID.randomUUID(), "FIT_CONCERN", UUID.randomUUID(), "C-1", UUID.randomUUID(),
                LocalDate.of(2026, 11, 23), NOW);
    }

    @Test
    void aClaimSpendsNothingUntilTheResultIsKnown() {
        AlertNotification n = pending();
        n.claim(NOW);
        assertEquals(Status.SENDING, n.status);
        assertEquals(NOW, n.claimedAt);
        assertEquals(0, n.attempts);
        n.sent(NOW.plusSeconds(1));
        assertEquals(Status.SENT, n.status);
        assertEquals(1, n.attempts);
        assertNull(n.claimedAt);
    }

    @Test
    void takingUpAnAbandonedClaimCountsTheDeadInstancesAttempt() {
        AlertNotification n = pending();
        n.claim(NOW);
        n.claim(NOW.plus(Duration.ofMinutes(6)));
        assertEquals(1, n.attempts);
        assertEquals(NOW.plus(Duration.ofMinutes(6)), n.claimedAt);
    }

    @Test
    void waitingForTheTherapistSpendsNoAttempt() {
        AlertNotification n = pending();
        n.waitForTherapist();
        assertEquals(Status.WAITING_FOR_THERAPIST, n.status);
        assertEquals(0, n.attempts);
        assertThrows(IllegalStateException.class, () -> n.claim(NOW), "a waiting row is not claimed");
    }

    @Test
    void aFailureBacksOffWithTheSharedBackoffAndKeepsOnlyTheType() {
        AlertNotification n = pending();
        n.claim(NOW);
        assertFalse(n.failed("java.util.concurrent.TimeoutException", NOW, BACKOFF, 3));
        assertEquals(Status.PENDING, n.status);
        assertEquals(NOW.plusSeconds(2), n.nextAttemptAt);
        n.claim(NOW);
        assertFalse(n.failed("java.net.ConnectException", NOW, BACKOFF, 3));
        assertEquals(NOW.plusSeconds(4), n.nextAttemptAt);
        assertEquals("java.net.ConnectException", n.lastError);
    }

    @Test
    void theLastAttemptFails() {
        AlertNotification n = pending();
        for (int attempt = 1; attempt < 3; attempt++) {
            n.claim(NOW);
            assertFalse(n.failed("java.net.ConnectException", NOW, BACKOFF, 3));
        }
        n.claim(NOW);
        assertTrue(n.failed("java.net.ConnectException", NOW, BACKOFF, 3));
        assertEquals(Status.FAILED, n.status);
        assertEquals(3, n.attempts);
        assertThrows(IllegalStateException.class, () -> n.claim(NOW), "FAILED is final");
    }

    @Test
    void aReleasedClaimIsDueAgainUntried() {
        AlertNotification n = pending();
        n.claim(NOW);
        n.release(NOW.plusSeconds(5));
        assertEquals(Status.PENDING, n.status);
        assertEquals(0, n.attempts);
        assertEquals(NOW.plusSeconds(5), n.nextAttemptAt);
    }
}
