package org.alliancepulse.analytics.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.analytics.DyadStory;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Reading and acknowledging an alert: who may, what is announced, and that the note stays here. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class AlertAcknowledgementTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theDyadsTherapistAcknowledgesWithANoteThatNeverLeavesTheServiceAndTheRepairStillResolvesIt() {
        KafkaEvents events = new KafkaEvents(kafka);
        DyadStory story = DyadStory.assigned(events, "north", Instant.parse("2025-09-01T09:00:00Z"));
        String login = "dr-" + story.therapistId.toString().substring(0, 8);
        events.publish(new TherapistRegistered(story.therapistId, "north", login, "Dr Ack", login + "@c.example"));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5);
        AlertRaised raised = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(
                () -> events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(story.clientId)
                        && a.kind().equals("RUPTURE")), found -> !found.isEmpty()).get(0).payload();
        String path = "/api/alerts/" + raised.alertId();
        String therapist = Tokens.therapist(login, "north");
        // the therapist login arrives on intake-events: wait until the therapist's token finds the alert
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(therapist).get(path).statusCode() == 200);

        // who may see it: the dyad's therapist, the clinic's staff, admins; not another clinic, not another therapist
        given().auth().oauth2(Tokens.clinicStaff("north")).get(path).then().statusCode(200)
                .body("kind", equalTo("RUPTURE")).body("clientCode", equalTo(story.clientCode))
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.clinicStaff("south")).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-someone-else", "north")).get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.clinicStaff("south")).contentType(ContentType.JSON).body(Map.of())
                .post(path + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(Tokens.therapist("dr-someone-else", "north")).contentType(ContentType.JSON)
                .body(Map.of()).post(path + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(therapist).contentType(ContentType.JSON).body(Map.of("note", "x".repeat(2001)))
                .post(path + "/acknowledge").then().statusCode(400).contentType("application/problem+json");
        // a note that is not text, or a body that is not the JSON object, is refused (not stored as "5" or as text)
        given().auth().oauth2(therapist).contentType(ContentType.JSON).body("{\"note\":5}")
                .post(path + "/acknowledge").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(therapist).contentType(ContentType.TEXT).body("seen it")
                .post(path + "/acknowledge").then().statusCode(415).contentType("application/problem+json");
        // a body said to be text is not read as JSON, whatever it holds (outside probe: it was)
        given().auth().oauth2(therapist).contentType(ContentType.TEXT).body("{\"note\":\"seen\"}")
                .post(path + "/acknowledge").then().statusCode(415).contentType("application/problem+json");
        // text the database cannot store (a NUL) is refused while reading the body, naming the field: it used to
        // fail at commit, after "acknowledged" was logged, with the transaction manager's stack trace in the log
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(therapist).contentType(ContentType.JSON).body("{\"note\":\"x\\u0000y\"}")
                    .post(path + "/acknowledge").then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("note"));
            assertEquals(List.of(), log.linesContaining("acknowledged"));
            assertEquals(List.of(), log.linesContaining("ARJUNA"));
        }
        // contact details stay in intake (outside probe: a phone number was kept and shown to staff and admins)
        given().auth().oauth2(therapist).contentType(ContentType.JSON)
                .body(Map.of("note", "rang her on +47 555 66 777")).post(path + "/acknowledge").then().statusCode(400)
                .body("violations[0].field", equalTo("note"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("a phone number"));
        given().auth().oauth2(therapist).get(path).then().statusCode(200).body("status", equalTo("OPEN"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/alerts/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);

        String note = "Talked it through at the start of session six " + UUID.randomUUID();
        given().auth().oauth2(therapist).contentType(ContentType.JSON).body(Map.of("note", note))
                .post(path + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(login))
                .body("acknowledgementNote", equalTo(note));
        // the note is optional, so is the body: without one (nor a Content-Type) it is the same request
        given().auth().oauth2(Tokens.clinicStaff("north")).post(path + "/acknowledge").then().statusCode(409)
                .contentType("application/problem+json");

        var acknowledged = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(
                () -> events.published(EventTypes.ALERT_ACKNOWLEDGED, a -> a.alertId().equals(raised.alertId())),
                found -> !found.isEmpty());
        AlertAcknowledged event = acknowledged.get(0).payload();
        assertEquals(login, event.acknowledgedBy());
        assertEquals(raised.clientCode(), event.clientCode(), "the code and the dyad, as AlertRaised names them");
        assertEquals(raised.dyadId(), event.dyadId());
        assertFalse(acknowledged.get(0).record().value().contains(note), "the note stays in this service");

        // acknowledged is still open: the repair resolves it
        story.attended(9.5, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(
                () -> events.published(EventTypes.ALERT_RESOLVED, a -> a.alertId().equals(raised.alertId())),
                found -> !found.isEmpty());
        given().auth().oauth2(therapist).get(path).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("REPAIRED"));
        given().auth().oauth2(therapist).contentType(ContentType.JSON).body(Map.of())
                .post(path + "/acknowledge").then().statusCode(409);
    }

    /**
     * A note may name the client (free text): the client's erasure takes it, and no new note is taken for them. A
     * probe found the name still returned after the erasure, to the clinic's staff and every admin.
     */
    @Test
    void theClientsErasureTakesTheNotesOnTheirAlertsAndNoNewOneIsTaken() {
        KafkaEvents events = new KafkaEvents(kafka);
        DyadStory story = DyadStory.assigned(events, "north", Instant.parse("2025-10-06T09:00:00Z"));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5);
        AlertRaised rupture = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(
                () -> events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(story.clientId)
                        && a.kind().equals("RUPTURE")), found -> !found.isEmpty()).get(0).payload();
        String path = "/api/alerts/" + rupture.alertId();
        String note = "talked with Quirinus Zapolska about the last session " + UUID.randomUUID();
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON).body(Map.of("note", note))
                .post(path + "/acknowledge").then().statusCode(200).body("acknowledgementNote", equalTo(note));

        events.publish(new ClientErased(story.clientId, story.clientCode, "north", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin()).get(path).then()
                .extract().path("acknowledgementNote") == null);
        given().auth().oauth2(Tokens.clinicStaff("north")).get(path).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgementNote", org.hamcrest.Matchers.nullValue());

        // a later alert of the erased client: acknowledged without a note, not with one
        story.attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5);
        AlertRaised later = await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(
                () -> events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(story.clientId)
                        && !a.alertId().equals(rupture.alertId())), found -> !found.isEmpty()).get(0).payload();
        String laterPath = "/api/alerts/" + later.alertId();
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body(Map.of("note", "Quirinus again")).post(laterPath + "/acknowledge").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON).body(Map.of())
                .post(laterPath + "/acknowledge").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }
}
