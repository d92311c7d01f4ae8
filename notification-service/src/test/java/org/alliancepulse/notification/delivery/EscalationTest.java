package org.alliancepulse.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.notification.TestDirectory;
import org.alliancepulse.notification.TestDirectory.Therapist;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Beyond the therapist: an alert nobody acknowledged goes once to the clinic's supervisor, an acknowledgement
 * cancels that, a therapist no longer active has their alerts go to the supervisor, and a resolved alert is a
 * short note for a therapist who asked. Rounds "72 hours later" are the mailer run as of that time.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class EscalationTest {

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

    private static Instant later() {
        return Instant.now().plus(Duration.ofHours(73));
    }

    @Test
    void anUnacknowledgedRuptureGoesOnceToTheSupervisorAndAnAcknowledgedOneDoesNot() {
        TestDirectory directory = new TestDirectory(kafka);
        String supervisor = "lead-" + directory.suffix + "@clinic.example";
        String clinic = directory.clinic(supervisor);
        Therapist therapist = directory.therapist(clinic);
        DeliveryLog log = new DeliveryLog(dataSource);
        AlertRaised ignored = TestDirectory.alert("RUPTURE", therapist);
        AlertRaised seen = TestDirectory.alert("DROPOUT_RISK", therapist);
        AlertRaised fit = TestDirectory.alert("FIT_CONCERN", therapist);
        directory.events.publish(ignored);
        directory.events.publish(seen);
        directory.events.publish(fit);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(therapist.email()).size() == 3);
        assertEquals("PENDING", log.status(ignored.alertId(), "ESCALATION"), "due in 72 hours");
        assertEquals(null, log.status(fit.alertId(), "ESCALATION"), "a fit concern is not escalated");

        directory.events.publish(new AlertAcknowledged(seen.alertId(), seen.kind(), seen.clientId(),
                therapist.id(), clinic, therapist.username(), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(log.status(seen.alertId(),
                "ESCALATION")));

        mailer.deliverDue(smtp, later());
        mailer.deliverDue(smtp, later()); // and again, as a restarted or second instance would
        var escalations = mail.receivedBy(supervisor);
        assertEquals(1, escalations.size(), () -> "one escalation, of the unacknowledged rupture: " + escalations);
        assertTrue(escalations.get(0).subject().contains("alliance rupture alert for client " + ignored.clientCode()
                + " not acknowledged (escalation)"), escalations.get(0).subject());
        assertTrue(escalations.get(0).body().contains("not been acknowledged within 72 hours"),
                escalations.get(0).body());
        assertEquals(List.of(AlertEmail.messageId("escalation", ignored.alertId())),
                escalations.get(0).header("Message-ID"));
        assertEquals(3, mail.receivedBy(therapist.email()).size(), "nothing more to the therapist");
        var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> directory.events.published(
                EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(ignored.alertId())
                        && "ESCALATION".equals(n.purpose())), found -> !found.isEmpty());
        assertEquals("SUPERVISOR", sent.get(0).payload().recipient());
    }

    @Test
    void aClinicWithoutASupervisorAddressHoldsTheEscalationUntilItGivesOne() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic(null);
        Therapist therapist = directory.therapist(clinic);
        DeliveryLog log = new DeliveryLog(dataSource);
        AlertRaised alert = TestDirectory.alert("UNRESOLVED_RUPTURE", therapist);
        directory.events.publish(alert);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(therapist.email()).size() == 1);

        mailer.deliverDue(smtp, later());
        assertEquals("WAITING_FOR_SUPERVISOR", log.status(alert.alertId(), "ESCALATION"));

        String supervisor = "late-lead-" + directory.suffix + "@clinic.example";
        directory.events.publish(new org.alliancepulse.contracts.intake.ClinicUpdated(clinic, "Clinic " + clinic,
                supervisor));
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(supervisor).size() == 1);
    }

    @Test
    void aTherapistWhoIsNoLongerActiveHasTheirAlertsGoToTheSupervisorSayingSo() {
        TestDirectory directory = new TestDirectory(kafka);
        String supervisor = "lead-" + directory.suffix + "@clinic.example";
        String clinic = directory.clinic(supervisor);
        Therapist therapist = directory.therapist(clinic);
        directory.deactivate(therapist);

        AlertRaised alert = TestDirectory.alert("FIT_CONCERN", therapist);
        directory.events.publish(alert);

        var received = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(supervisor),
                found -> !found.isEmpty());
        assertEquals(1, received.size());
        assertTrue(received.get(0).body().startsWith("This alert is for Dr " + therapist.username()
                + ", who is not active at the clinic at present"), received.get(0).body());
        assertTrue(received.get(0).body().contains(alert.clientCode()), received.get(0).body());
        assertTrue(mail.receivedBy(therapist.email()).isEmpty(), "nothing to the inactive therapist's address");
    }

    /**
     * The supervisor who was sent an inactive therapist's alert is not sent its escalation too (they were sent the
     * alert and the escalation, 72 hours apart, about one alert). An alert the therapist was sent before they left
     * is still escalated to the supervisor, who has not seen it.
     */
    @Test
    void aSupervisorSentTheAlertInTheTherapistsPlaceIsNotSentItsEscalationToo() {
        TestDirectory directory = new TestDirectory(kafka);
        String supervisor = "lead-" + directory.suffix + "@clinic.example";
        String clinic = directory.clinic(supervisor);
        Therapist therapist = directory.therapist(clinic);
        DeliveryLog log = new DeliveryLog(dataSource);
        AlertRaised seenByTheTherapist = TestDirectory.alert("DROPOUT_RISK", therapist);
        directory.events.publish(seenByTheTherapist);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(therapist.email()).size() == 1);

        directory.deactivate(therapist);
        AlertRaised afterTheyLeft = TestDirectory.alert("RUPTURE", therapist);
        directory.events.publish(afterTheyLeft);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(supervisor).size() == 1);

        mailer.deliverDue(smtp, later());
        var received = mail.receivedBy(supervisor);
        assertEquals(2, received.size(), () -> "the alert, then one escalation: " + received);
        assertTrue(received.get(0).subject().contains(afterTheyLeft.clientCode()), received.get(0).subject());
        assertTrue(received.get(1).subject().contains(seenByTheTherapist.clientCode() + " not acknowledged"),
                received.get(1).subject());
        assertEquals("SKIPPED", log.status(afterTheyLeft.alertId(), "ESCALATION"));
        assertEquals("SENT", log.status(seenByTheTherapist.alertId(), "ESCALATION"));
    }

    @Test
    void aResolvedAlertIsAShortNoteForATherapistWhoAskedAndNothingForOneWhoDidNot() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic("lead-" + directory.suffix + "@clinic.example");
        Therapist asked = directory.therapist(clinic);
        Therapist didNot = directory.therapist(clinic);
        given().auth().oauth2(Tokens.therapist(asked.username(), clinic)).contentType("application/json")
                .body(Map.of("resolvedNotes", true)).put("/api/therapists/{id}/notification-preferences", asked.id())
                .then().statusCode(200);
        AlertRaised repaired = TestDirectory.alert("RUPTURE", asked);
        AlertRaised alsoRepaired = TestDirectory.alert("RUPTURE", didNot);
        directory.events.publish(repaired);
        directory.events.publish(alsoRepaired);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(asked.email()).size() == 1
                && mail.receivedBy(didNot.email()).size() == 1);

        directory.events.publish(resolved(repaired, "REPAIRED"));
        directory.events.publish(resolved(alsoRepaired, "REPAIRED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(asked.email()).size() == 2);
        var note = mail.receivedBy(asked.email()).get(1);
        assertEquals("Alliance Pulse: alliance rupture alert for client " + repaired.clientCode() + " resolved",
                note.subject());
        assertTrue(note.body().contains("the alliance is back at its usual level (repaired)"), note.body());
        DeliveryLog log = new DeliveryLog(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(log.status(alsoRepaired.alertId(),
                "ESCALATION")));
        assertEquals(1, mail.receivedBy(didNot.email()).size(), "no note for a therapist who did not ask");
        assertEquals("CANCELLED", log.status(repaired.alertId(), "ESCALATION"), "a resolved alert is not escalated");
    }

    private static AlertResolved resolved(AlertRaised alert, String resolution) {
        return new AlertResolved(alert.alertId(), alert.kind(), alert.dyadId(), alert.clientId(), alert.clientCode(),
                alert.therapistId(), alert.clinicId(), resolution, java.util.UUID.randomUUID(), 7,
                java.time.LocalDate.of(2026, 11, 26), Instant.now(), Instant.now());
    }
}
