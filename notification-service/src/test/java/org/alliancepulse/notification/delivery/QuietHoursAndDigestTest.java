package org.alliancepulse.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.notification.TestDirectory;
import org.alliancepulse.notification.TestDirectory.Therapist;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A therapist's own clock: quiet hours hold an alert until they end; a digest lists the day's alerts in one email,
 * sent once even with two instances racing for it and after a restart, without the alerts acknowledged meanwhile.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class QuietHoursAndDigestTest {

    private static final String PREFERENCES = "/api/therapists/{id}/notification-preferences";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectMailServer
    MailServer mail;

    @Inject
    AlertMailer mailer;

    @Inject
    ReactiveMailer smtp;

    @Inject
    DataSource dataSource;

    @Test
    void anAlertInQuietHoursWaitsForTheirEndAndThenGoesOnce() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic(null);
        Therapist therapist = directory.therapist(clinic);
        // quiet from an hour ago to an hour ahead, in the therapist's zone (UTC here)
        LocalTime now = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Instant quietEnd = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(1));
        given().auth().oauth2(Tokens.therapist(therapist.username(), clinic)).contentType("application/json")
                .body(Map.of("timeZone", "UTC", "quietHours", Map.of("from", now.minusHours(1).toString(),
                        "until", now.plusHours(1).toString())))
                .put(PREFERENCES, therapist.id()).then().statusCode(200);
        AlertRaised alert = TestDirectory.alert("RUPTURE", therapist);
        directory.events.publish(alert);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            AlertNotification row = row(alert);
            return row != null && row.status == AlertNotification.Status.PENDING
                    && row.nextAttemptAt.equals(quietEnd);
        });
        assertEquals(0, row(alert).attempts, "holding spends no attempt");
        mailer.deliverDue(smtp, quietEnd.minusSeconds(1));
        assertTrue(mail.receivedBy(therapist.email()).isEmpty(), "nothing during the quiet hours");

        mailer.deliverDue(smtp, quietEnd);
        mailer.deliverDue(smtp, quietEnd.plusSeconds(60));
        assertEquals(1, mail.receivedBy(therapist.email()).size(), "sent once they ended");
        assertEquals(AlertNotification.Status.SENT, row(alert).status);
    }

    @Test
    void theDigestListsTheDaysAlertsOnceEvenWithTwoInstancesAndWithoutTheAcknowledgedOnes() throws Exception {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic("lead-" + directory.suffix + "@clinic.example");
        Therapist therapist = directory.therapist(clinic);
        int hour = (LocalTime.now(ZoneOffset.UTC).getHour() + 2) % 24; // the digest is between one and two hours away
        given().auth().oauth2(Tokens.therapist(therapist.username(), clinic)).contentType("application/json")
                .body(Map.of("delivery", "DAILY_DIGEST", "digestHour", hour, "timeZone", "UTC"))
                .put(PREFERENCES, therapist.id()).then().statusCode(200);
        AlertRaised rupture = TestDirectory.alert("RUPTURE", therapist);
        AlertRaised risk = TestDirectory.alert("DROPOUT_RISK", therapist);
        AlertRaised fit = TestDirectory.alert("FIT_CONCERN", therapist);
        directory.events.publish(rupture);
        directory.events.publish(risk);
        directory.events.publish(fit);
        await().atMost(Duration.ofSeconds(20)).until(() -> java.util.stream.Stream.of(rupture, risk, fit)
                .allMatch(a -> row(a) != null && row(a).status == AlertNotification.Status.IN_DIGEST));
        Instant digestAt = row(rupture).nextAttemptAt;
        assertEquals(hour, digestAt.atZone(ZoneOffset.UTC).getHour());
        assertTrue(mail.receivedBy(therapist.email()).isEmpty(), "no email before the digest");

        // the therapist saw the fit concern in the app meanwhile: it leaves the digest
        directory.events.publish(new AlertAcknowledged(fit.alertId(), fit.kind(), fit.clientId(), therapist.id(),
                clinic, therapist.username(), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(fit).status == AlertNotification.Status.CANCELLED);

        // two instances reach the digest time together
        CompletableFuture<?> one = CompletableFuture.runAsync(() -> mailer.deliverDue(smtp, digestAt));
        CompletableFuture<?> two = CompletableFuture.runAsync(() -> mailer.deliverDue(smtp, digestAt));
        CompletableFuture.allOf(one, two).get(60, java.util.concurrent.TimeUnit.SECONDS);
        mailer.deliverDue(smtp, digestAt.plusSeconds(5)); // and one after a restart

        var received = mail.receivedBy(therapist.email());
        assertEquals(1, received.size(), () -> "one digest: " + received);
        String body = received.get(0).body();
        assertEquals("Alliance Pulse: your daily digest, 2 alerts", received.get(0).subject());
        assertTrue(body.contains(rupture.clientCode()) && body.contains(risk.clientCode()), body);
        assertFalse(body.contains(fit.clientCode()), "the acknowledged alert is not listed: " + body);
        assertEquals(AlertNotification.Status.SENT, row(rupture).status);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AlertNotification.count(
                "therapistId = ?1 and purpose = ?2", therapist.id(), AlertNotification.Purpose.DIGEST)));
    }

    @Test
    void aTherapistWhoLeavesWithAlertsWaitingForTheirDigestHasThemGoToTheSupervisor() {
        TestDirectory directory = new TestDirectory(kafka);
        String supervisor = "lead-" + directory.suffix + "@clinic.example";
        String clinic = directory.clinic(supervisor);
        Therapist therapist = directory.therapist(clinic);
        int hour = (LocalTime.now(ZoneOffset.UTC).getHour() + 2) % 24;
        given().auth().oauth2(Tokens.therapist(therapist.username(), clinic)).contentType("application/json")
                .body(Map.of("delivery", "DAILY_DIGEST", "digestHour", hour, "timeZone", "UTC"))
                .put(PREFERENCES, therapist.id()).then().statusCode(200);
        AlertRaised risk = TestDirectory.alert("DROPOUT_RISK", therapist);
        directory.events.publish(risk);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(risk) != null
                && row(risk).status == AlertNotification.Status.IN_DIGEST);

        directory.deactivate(therapist);

        var received = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(supervisor),
                found -> !found.isEmpty());
        assertTrue(received.get(0).body().contains(risk.clientCode()), received.get(0).body());
        assertTrue(received.get(0).body().startsWith("This alert is for"), received.get(0).body());
        assertTrue(mail.receivedBy(therapist.email()).isEmpty(), "nothing to the address of one who left");
    }

    private static AlertNotification row(AlertRaised alert) {
        return QuarkusTransaction.requiringNew().call(() -> AlertNotification.<AlertNotification> find(
                "alertId = ?1 and purpose = ?2", alert.alertId(), AlertNotification.Purpose.ALERT).firstResult());
    }
}
