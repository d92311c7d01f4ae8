package org.alliancepulse.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Alerts become emails over real SMTP, once each. */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class AlertDeliveryTest {

    private static final LocalDate SESSION_DATE = LocalDate.of(2026, 11, 24);

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
    void anAlertBecomesOneEmailToTheTherapistWithNoScoresOrNames() {
        KafkaEvents events = new KafkaEvents(kafka);
        String email = therapist(events);
        UUID therapist = therapistIdOf(email);
        AlertRaised alert = alert(therapist);

        events.publish(alert);

        var received = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email),
                found -> !found.isEmpty());
        assertEquals(1, received.size());
        assertEquals("Alliance Pulse: fit concern alert for client " + alert.clientCode(), received.get(0).subject());
        String body = received.get(0).body();
        assertTrue(body.contains(alert.clientCode()), body);
        assertTrue(body.contains("2026-11-24"), body);
        assertTrue(body.contains("/alerts/" + alert.alertId()), body);
        assertFalse(body.contains("SRS_TOTAL"), "no scores or reasons in email: " + body);

        var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(alert.alertId())),
                found -> !found.isEmpty());
        assertEquals(1, sent.get(0).payload().attempts());
        assertEquals(alert.kind(), sent.get(0).payload().alertKind(), "which kind of alert was emailed");
    }

    @Test
    void lowAllianceAndWatchAreFlagsInTheAppNeverEmails() {
        KafkaEvents events = new KafkaEvents(kafka);
        String email = therapist(events);
        UUID client = UUID.randomUUID();
        AlertRaised low = alert("LOW_ALLIANCE", therapistIdOf(email), client);
        AlertRaised watch = alert("WATCH", therapistIdOf(email), client);
        events.publish(low);
        events.publish(watch);
        AlertRaised marker = alert(therapistIdOf(email), client); // same key, behind them: bounds the wait
        events.publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email).stream()
                .anyMatch(m -> m.body().contains("/alerts/" + marker.alertId())));
        DeliveryLog log = new DeliveryLog(dataSource);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SKIPPED".equals(log.status(low.alertId()))
                && "SKIPPED".equals(log.status(watch.alertId())));
        assertEquals(1, mail.receivedBy(email).size(), "only the fit concern is emailed");
        assertEquals("NOT_EMAILED_KIND", log.row(low.alertId()).orElseThrow().lastError());
    }

    @Test
    void anAlertAboutASessionLongPastIsRecordedButNotEmailed() {
        KafkaEvents events = new KafkaEvents(kafka);
        String email = therapist(events);
        UUID therapist = therapistIdOf(email);
        UUID client = UUID.randomUUID();
        // a network importing last year's sessions: the alert is dated then
        Instant lastYear = Instant.now().minus(Duration.ofDays(300));
        AlertRaised old = new AlertRaised(UUID.randomUUID(), "RUPTURE", "WARNING", client,
                "C-" + client.toString().substring(0, 6).toUpperCase(), therapist, "north", UUID.randomUUID(),
                java.time.LocalDate.ofInstant(lastYear, java.time.ZoneOffset.UTC), List.of("BOND_FELL"), Instant.now(),
                UUID.randomUUID(), 4, lastYear, List.of("BOND"), null, null);
        events.publish(old);
        AlertRaised marker = alert(therapist, client); // same key, behind it: its email bounds the wait
        events.publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email).stream()
                .anyMatch(m -> m.body().contains("/alerts/" + marker.alertId())));

        assertEquals(1, mail.receivedBy(email).size(), "only the current alert is emailed");
        AlertNotification recorded = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> AlertNotification.find("alertId", old.alertId()).firstResult());
        assertEquals(AlertNotification.Status.NOT_SENT_HISTORICAL, recorded.status);
    }

    @Test
    void theSameAlertRedeliveredOrRepublishedIsNotEmailedAgain() {
        KafkaEvents events = new KafkaEvents(kafka);
        String email = therapist(events);
        AlertRaised alert = alert(therapistIdOf(email));
        String eventId = UUID.randomUUID().toString();

        events.publish(eventId, alert);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email).size() == 1);
        // the same event id again, carrying another alert: only the inbox can tell it is a duplicate
        AlertRaised sameIdOtherAlert = alert(therapistIdOf(email), alert.clientId());
        events.publish(eventId, sameIdOtherAlert);
        events.publish(alert);                   // the same alert under a new event id: the delivery log's key
        AlertRaised marker = alert(therapistIdOf(email), alert.clientId());
        events.publish(marker);                  // same key, behind the others: its email bounds the wait
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email).stream()
                .anyMatch(m -> m.body().contains("/alerts/" + marker.alertId())));
        await().atMost(Duration.ofSeconds(30)).until(events.consumedByGroup("notification-service", Topics.ALLIANCE_ALERTS));

        long aboutTheAlert = mail.receivedBy(email).stream()
                .filter(m -> m.body().contains("/alerts/" + alert.alertId())).count();
        assertEquals(1, aboutTheAlert);
        assertEquals(1, AlertNotification.count("alertId", alert.alertId()));
        assertEquals(0, AlertNotification.count("alertId", sameIdOtherAlert.alertId()), "a redelivered event id is skipped");
        assertEquals(2, mail.receivedBy(email).size());
    }

    @Test
    void anAlertThatOvertakesItsTherapistWaitsWithoutSpendingAttemptsAndIsSentOnceTheTherapistIsKnown() {
        KafkaEvents events = new KafkaEvents(kafka);
        DeliveryLog log = new DeliveryLog(dataSource);
        UUID therapist = UUID.randomUUID();
        String email = "late-" + therapist.toString().substring(0, 8) + "@clinic.example";
        AlertRaised alert = alert(therapist);

        events.publish(alert);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WAITING_FOR_THERAPIST".equals(log.status(alert.alertId())));
        // rounds run an hour later still find nothing to send and spend nothing
        mailer.deliverDue(smtp, Instant.now().plus(Duration.ofHours(1)));
        assertEquals(new DeliveryLog.Row("WAITING_FOR_THERAPIST", 0, null), log.row(alert.alertId()).orElseThrow());
        assertTrue(mail.receivedBy(email).isEmpty());

        events.publish(new TherapistRegistered(therapist, "north", "late-" + therapist, "Dr Late", email));

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.receivedBy(email).size() == 1);
        var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(alert.alertId())),
                found -> !found.isEmpty());
        assertEquals(1, sent.get(0).payload().attempts(), "waiting for the therapist spent no attempt");
        assertEquals(1, mail.receivedBy(email).size());
    }

    @Test
    void theEmailsMessageIdIsDerivedFromTheAlertIdSoAResendIsRecognisable() {
        KafkaEvents events = new KafkaEvents(kafka);
        String email = therapist(events);
        AlertRaised alert = alert(therapistIdOf(email));

        events.publish(alert);

        var received = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(email),
                found -> !found.isEmpty());
        // exactly one Message-ID header, ours: the mail client neither dropped it nor added its own
        assertEquals(List.of("<alert-" + alert.alertId() + "@alliancepulse>"), received.get(0).header("Message-ID"));
    }

    @Test
    void poisonAlertsGoToTheDeadLetterTopicAndAreNotEmailed() {
        KafkaEvents events = new KafkaEvents(kafka);
        String broken = "{\"alertId\":\"" + UUID.randomUUID() + "\",\"kind\":\"LOW_ALLIANCE\"}";
        events.send(Topics.ALLIANCE_ALERTS, UUID.randomUUID().toString(), broken, Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.ALERT_RAISED.type(),
                CloudEventHeaders.SOURCE, "test"));

        String deadLetters = Topics.deadLetterTopic("notification-service", Topics.ALLIANCE_ALERTS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.readAll(deadLetters).stream().anyMatch(r -> r.value().equals(broken)));
    }

    private final java.util.Map<String, UUID> therapists = new java.util.concurrent.ConcurrentHashMap<>();

    /** Registers a therapist the way intake-service announces one and waits until the directory has it. */
    private String therapist(KafkaEvents events) {
        UUID id = UUID.randomUUID();
        String email = "dr-" + id.toString().substring(0, 8) + "@clinic.example";
        events.publish(new TherapistRegistered(id, "north", "dr-" + id, "Dr Test", email));
        await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> org.alliancepulse.notification.directory.TherapistContact.findById(id) != null);
        therapists.put(email, id);
        return email;
    }

    private UUID therapistIdOf(String email) {
        return therapists.get(email);
    }

    private static AlertRaised alert(UUID therapist) {
        return alert(therapist, UUID.randomUUID());
    }

    private static AlertRaised alert(UUID therapist, UUID client) {
        return alert("FIT_CONCERN", therapist, client);
    }

    private static AlertRaised alert(String kind, UUID therapist, UUID client) {
        return new AlertRaised(UUID.randomUUID(), kind, "WARNING", client,
                "C-" + client.toString().substring(0, 6).toUpperCase(), therapist, "north", UUID.randomUUID(),
                SESSION_DATE, List.of("SRS_TOTAL_BELOW_36"), Instant.now());
    }
}
