package org.alliancepulse.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The crash window: a row an instance left SENDING is sent again once its claim has timed out, and only then. */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class AbandonedClaimTest {

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
    void anEmailLeftSendingByADeadInstanceIsSentAgainOnceItsClaimTimedOutAndALiveClaimIsLeftAlone() {
        KafkaEvents events = new KafkaEvents(kafka);
        DeliveryLog log = new DeliveryLog(dataSource);
        String deadEmail = therapist(events, "dead");
        String liveEmail = therapist(events, "live");
        Instant longAgo = Instant.now().minus(Duration.ofHours(3)); // older than any claim timeout
        UUID abandoned = claimedRow(therapistOf(deadEmail), longAgo);
        UUID inFlight = claimedRow(therapistOf(liveEmail), Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedBy(deadEmail).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(log.status(abandoned)));
        var sent = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.NOTIFICATION_SENT, n -> n.alertId().equals(abandoned)),
                found -> !found.isEmpty());
        assertEquals(2, sent.get(0).payload().attempts(), "the dead instance's attempt counts");
        assertEquals(List.of(AlertEmail.messageId(abandoned)), mail.receivedBy(deadEmail).get(0).header("Message-ID"),
                "the resend carries the alert's Message-ID, so it is recognisably the same email");

        // one more round, now: the taken-up email is SENT and stays sent once; the fresh claim is someone's live send
        mailer.deliverDue(smtp, Instant.now());
        assertEquals(1, mail.receivedBy(deadEmail).size());
        assertEquals("SENDING", log.status(inFlight));
        assertTrue(mail.receivedBy(liveEmail).isEmpty(), "a live claim is not sent a second time");

        QuarkusTransaction.requiringNew().run(() -> AlertNotification.delete("alertId", inFlight));
    }

    private final java.util.Map<String, UUID> therapists = new java.util.concurrent.ConcurrentHashMap<>();

    private String therapist(KafkaEvents events, String name) {
        UUID id = UUID.randomUUID();
        String email = name + "-" + id.toString().substring(0, 8) + "@clinic.example";
        events.publish(new TherapistRegistered(id, "north", name + "-" + id, "Dr " + name, email));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> TherapistContact.findById(id) != null);
        therapists.put(email, id);
        return email;
    }

    private UUID therapistOf(String email) {
        return therapists.get(email);
    }

    /** A row some instance claimed at the given time and never recorded a result for. */
    private static UUID claimedRow(UUID therapist, Instant claimedAt) {
        UUID alertId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AlertNotification row = AlertNotification.due(alertId, "FIT_CONCERN", UUID.randomUUID(), "C-CLAIM1",
                    therapist, LocalDate.of(2026, 11, 24), claimedAt);
            row.claim(claimedAt);
            row.persist();
        });
        return alertId;
    }
}
