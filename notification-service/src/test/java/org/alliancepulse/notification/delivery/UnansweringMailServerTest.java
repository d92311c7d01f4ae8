package org.alliancepulse.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.platform.work.BackgroundWorker.Round;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A mail server that accepts the connection and never answers: the attempt ends at the SMTP timeout, no database
 * transaction or row lock is held meanwhile, and the email goes out exactly once when a server answers.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
@WithTestResource(value = UnansweringSmtpServer.Resource.class, scope = TestResourceScope.GLOBAL)
class UnansweringMailServerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectMailServer
    MailServer mail;

    /** Filled by {@link UnansweringSmtpServer.Resource}. */
    UnansweringSmtpServer hungServer;

    @Inject
    @MailerName(UnansweringSmtpServer.MAILER)
    ReactiveMailer throughHungServer;

    @Inject
    AlertMailer mailer;

    @Inject
    NotificationConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void aMailServerThatNeverAnswersCostsOneAttemptByTimeoutHoldsNoLockAndTheEmailGoesOutOnceWhenOneAnswers()
            throws Exception {
        KafkaEvents events = new KafkaEvents(kafka);
        DeliveryLog log = new DeliveryLog(dataSource);
        UUID therapist = UUID.randomUUID();
        String email = "hung-" + therapist.toString().substring(0, 8) + "@clinic.example";
        events.publish(new TherapistRegistered(therapist, "north", "hung-" + therapist, "Dr Hung", email));
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> TherapistContact.findById(therapist) != null);

        // The row the alert consumer writes, but due only in a minute: the service's own rounds (whose mail server
        // answers) leave it alone, while the round below, run as of that minute, claims it.
        Instant inAMinute = Instant.now().plusSeconds(60);
        UUID alertId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> AlertNotification.due(alertId, "FIT_CONCERN", UUID.randomUUID(),
                "C-HUNG01", therapist, LocalDate.of(2026, 11, 24), inAMinute).persist());
        int connectionsBefore = hungServer.connections();

        long started = System.nanoTime();
        CompletableFuture<Round> round = CompletableFuture.supplyAsync(
                () -> mailer.deliverDue(throughHungServer, inAMinute));

        // the mailer is now waiting for the hung server's greeting ...
        await().atMost(Duration.ofSeconds(10)).until(() -> hungServer.connections() > connectionsBefore);
        assertEquals("SENDING", log.status(alertId), "claimed and committed before SMTP was touched");
        // ... and holds no transaction on the row: another connection locks it without waiting
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT status FROM alert_notification WHERE alert_id = ? FOR UPDATE NOWAIT")) {
                lock.setObject(1, alertId);
                try (ResultSet rs = lock.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("SENDING", rs.getString(1));
                }
            } finally {
                other.rollback();
            }
        }
        assertFalse(round.isDone(), "the send is still waiting for the server");

        round.get(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(config.smtpTimeout()) >= 0, () -> "ended by the SMTP timeout, after " + took);
        assertEquals(new DeliveryLog.Row("PENDING", 1, TimeoutException.class.getName()), log.row(alertId).orElseThrow(),
                "back to PENDING, one attempt spent, the timeout's type (no message) recorded");
        assertTrue(mail.receivedBy(email).isEmpty());

        // after the back-off the service's own round sends it through the mail server that answers: once
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(log.status(alertId)));
        var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(alertId)),
                found -> !found.isEmpty());
        assertEquals(2, sent.get(0).payload().attempts());
        List<MailServer.ReceivedMail> received = mail.receivedBy(email);
        assertEquals(1, received.size(), () -> "exactly one email, got " + received);
        assertEquals(List.of(AlertEmail.messageId(alertId)), received.get(0).header("Message-ID"));
    }
}
