package org.alliancepulse.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.notification.TestDirectory;
import org.alliancepulse.notification.TestDirectory.Therapist;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The mail server down for minutes: every round as of the next due time fails (connection refused), the waits double
 * from 2 s, no attempt is lost or doubled; once the server is back the email goes out exactly once. The service's own
 * rounds are paused meanwhile, so that each round below is the one that runs at that due time.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class SmtpDownTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectMailServer
    MailServer mail;

    @Inject
    AlertMailer mailer;

    @Inject
    ReactiveMailer smtp;

    /** 127.0.0.1:1, where nothing listens (application.properties, %test). */
    @Inject
    @MailerName("down")
    ReactiveMailer down;

    @Test
    void anEmailOutlivesAMailServerDownForMinutesAndGoesOutOnce() {
        TestDirectory directory = new TestDirectory(kafka);
        Therapist therapist = directory.therapist(directory.clinic(null));
        UUID alertId = UUID.randomUUID();
        Instant raised = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL keeps it
        mailer.worker().stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                AlertNotification row = AlertNotification.due(alertId, "FIT_CONCERN", UUID.randomUUID(), "C-DOWN01",
                        therapist.id(), LocalDate.of(2026, 11, 24), raised);
                row.clinicId = therapist.clinicId();
                row.alertRaisedAt = raised;
                row.persist();
            });
            List<Long> waits = new ArrayList<>();
            Instant due = raised;
            Duration down = Duration.ZERO;
            for (int attempt = 1; attempt <= 8; attempt++) {
                Instant round = Instant.now();
                mailer.deliverDue(this.down, due);
                AlertNotification row = row(alertId);
                assertEquals(AlertNotification.Status.PENDING, row.status, "attempt " + attempt);
                assertEquals(attempt, row.attempts);
                assertNotNull(row.lastError);
                long wait = Duration.between(round, row.nextAttemptAt).toSeconds();
                waits.add(wait);
                down = down.plus(Duration.between(round, row.nextAttemptAt));
                due = row.nextAttemptAt;
            }
            // 2, 4, 8, ... 256 s (give or take the second a round takes): 8.5 minutes of a server down
            List<Long> schedule = List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L);
            for (int i = 0; i < schedule.size(); i++) {
                long expected = schedule.get(i);
                long actual = waits.get(i);
                assertTrue(actual >= expected - 1 && actual <= expected, () -> "waits " + waits);
            }
            assertTrue(down.toMinutes() >= 8, "down for minutes: " + down);
            assertTrue(mail.receivedBy(therapist.email()).isEmpty());

            mailer.deliverDue(smtp, due); // the server is back
            mailer.deliverDue(smtp, due.plusSeconds(600));
            assertEquals(1, mail.receivedBy(therapist.email()).size(), "exactly once");
            assertEquals(AlertNotification.Status.SENT, row(alertId).status);
            var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                    () -> directory.events.published(EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(alertId)),
                    found -> !found.isEmpty());
            assertEquals(9, sent.get(0).payload().attempts());
            assertEquals(raised, sent.get(0).payload().alertRaisedAt());
            assertTrue(sent.get(0).payload().millisFromAlertRaised() >= 0);
        } finally {
            mailer.worker().start();
        }
    }

    private static AlertNotification row(UUID alertId) {
        return QuarkusTransaction.requiringNew().call(() -> AlertNotification.<AlertNotification> find(
                "alertId", alertId).firstResult());
    }
}
