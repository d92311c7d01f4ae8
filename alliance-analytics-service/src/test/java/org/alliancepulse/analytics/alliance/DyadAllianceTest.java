package org.alliancepulse.analytics.alliance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.analytics.DyadStory;
import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code GET /api/dyads/{clientId}/alliance}: the series, the rupture and its repair, the risk, and who may see it. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class DyadAllianceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theTherapistSeesTheSeriesWithTheRuptureTheBondThatFellAndItsRepair() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "series-" + UUID.randomUUID().toString().substring(0, 8);
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-03-03T09:00:00Z"));
        String login = "dr-" + story.therapistId.toString().substring(0, 8);
        events.publish(new TherapistRegistered(story.therapistId, clinic, login, "Dr Series", login + "@c.example"));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5).attended(9.8, 9.8, 9.8, 9.8);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE' and resolution = 'REPAIRED'", story.clientId) == 1);
        String path = "/api/dyads/" + story.clientId + "/alliance";
        String therapist = Tokens.therapist(login, clinic);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(therapist).get(path)
                .statusCode() == 200);

        given().auth().oauth2(therapist).get(path).then().statusCode(200)
                .body("clientCode", equalTo(story.clientCode))
                .body("dyads", hasSize(1))
                .body("dyads[0].therapistId", equalTo(story.therapistId.toString()))
                .body("dyads[0].current", equalTo(true))
                .body("dyads[0].sessions", hasSize(6))
                .body("dyads[0].sessions.number", contains(1, 2, 3, 4, 5, 6))
                .body("dyads[0].sessions[0].measures[0].instrument", equalTo("SRS"))
                .body("dyads[0].sessions[3].measures[0].bond", equalTo(30.0f))
                .body("dyads[0].sessions[3].lowAlliance", equalTo(true))
                // indices 95, 95, 95, 78.75, 78.75, 98: the rolling mean of the last 4 and the dyad's state
                .body("dyads[0].sessions[3].rollingMean", equalTo(90.94f))
                .body("dyads[0].state.scoredSessions", equalTo(6))
                .body("dyads[0].state.runningMean", equalTo(90.08f))
                .body("dyads[0].state.rollingMean", equalTo(87.63f))
                .body("dyads[0].state.withinDyadSd", equalTo(8.86f))
                .body("dyads[0].state.networkSd", greaterThan(0f))
                .body("dyads[0].state.attended", equalTo(6))
                .body("dyads[0].state.noShows", equalTo(0))
                .body("dyads[0].state.usualIntervalDays", equalTo(7.0f))
                .body("dyads[0].state.daysSinceLastAttended", equalTo(0.0f))
                .body("dyads[0].sessions[4].ruptureState", equalTo("RUPTURE"))
                .body("dyads[0].sessions[4].pillars[0]", equalTo("BOND"))
                .body("dyads[0].sessions[5].ruptureState", equalTo("REPAIRED"))
                .body("dyads[0].ruptures", hasSize(1))
                .body("dyads[0].ruptures[0].status", equalTo("REPAIRED"))
                .body("dyads[0].ruptures[0].pillars", contains("BOND"))
                .body("dyads[0].ruptures[0].repairedAtSession", equalTo(6))
                .body("dyads[0].risk.afterSession", equalTo(6))
                .body("dyads[0].risk.factors", not(empty()))
                .body("dyads[0].openAlerts", empty());

        // the clinic's staff and admins see it; another clinic's staff and another therapist learn nothing
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(path).then().statusCode(200)
                .body("dyads", hasSize(1));
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200);
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(Tokens.clinicStaff("elsewhere")).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.therapist("dr-someone-else", clinic)).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
            // the operators' security log has both refusals, with who asked
            List<String> refused = log.linesContaining("event=REFUSED");
            assertEquals(2, refused.size(), refused::toString);
            assertTrue(refused.get(0).contains("status=404 method=GET path=" + path + " user=staff-elsewhere"),
                    refused.get(0));
            assertTrue(refused.get(1).contains("user=dr-someone-else roles=therapist"), refused.get(1));
        }
        given().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.withoutRole()).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/dyads/" + UUID.randomUUID() + "/alliance").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/dyads/not-a-uuid/alliance").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * A therapist sees the clients assigned to them (ARCHITECTURE.md), as intake answers them: after a change of
     * therapist the new one reads the whole course, the earlier therapist's dyad and alert too, for continuity of
     * care; the former one nothing more - not the series, not the alert, not in their inbox (outside probe: they
     * still read it all). The clinic's staff read both.
     */
    @Test
    void aChangeOfTherapistTakesTheClientFromTheFormerTherapistsViewToTheNewOnes() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-05-05T09:00:00Z"));
        UUID next = UUID.randomUUID();
        String former = "dr-" + story.therapistId.toString().substring(0, 8);
        String successor = "dr-" + next.toString().substring(0, 8);
        events.publish(new TherapistRegistered(story.therapistId, clinic, former, "Dr Former", former + "@c.example"));
        events.publish(new TherapistRegistered(next, clinic, successor, "Dr Next", successor + "@c.example"));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE'", story.clientId) == 1);
        String alert = Alert.<Alert>find("clientId", story.clientId).firstResult().id.toString();
        String path = "/api/dyads/" + story.clientId + "/alliance";
        String formerToken = Tokens.therapist(former, clinic);
        String successorToken = Tokens.therapist(successor, clinic);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(formerToken).get(path)
                .statusCode() == 200);
        given().auth().oauth2(formerToken).get("/api/alerts").then().body("items.id", hasItem(alert));
        given().auth().oauth2(successorToken).get(path).then().statusCode(404);

        events.publish(new ClientReassigned(story.clientId, story.clientCode, clinic, story.episodeId,
                story.therapistId, next, ClientReassigned.Reason.FIT, Instant.parse("2025-06-02T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(formerToken).get(path)
                .statusCode() == 404);

        given().auth().oauth2(formerToken).get("/api/alerts/" + alert).then().statusCode(404);
        given().auth().oauth2(formerToken).get("/api/alerts").then().statusCode(200)
                .body("items.id", not(hasItem(alert)));
        given().auth().oauth2(successorToken).get(path).then().statusCode(200).body("dyads", hasSize(2))
                // the first dyad ended by the change, and says why (outside probe: REASSIGNED alone)
                .body("dyads.find { it.endReason == 'REASSIGNED' }.reassignedFor", equalTo("FIT"))
                .body("dyads.find { it.current }.reassignedFor", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(successorToken).get("/api/alerts/" + alert).then().statusCode(200);
        // the client's course in the list as well (their own inbox stays their own alerts)
        given().auth().oauth2(successorToken).queryParam("clientId", story.clientId.toString()).get("/api/alerts")
                .then().statusCode(200).body("items.id", hasItem(alert));
        given().auth().oauth2(successorToken).get("/api/alerts").then().statusCode(200)
                .body("items.id", not(hasItem(alert)));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(path).then().statusCode(200).body("dyads", hasSize(2));
        // resolved by the change of therapist on 2 June, after the last session (26 May): told as of 2 June
        // (outside probe: "resolved at the session on" the last session's day)
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/alerts/" + alert).then().statusCode(200)
                .body("resolution", equalTo("REASSIGNED")).body("resolvedSessionDate", equalTo("2025-05-26"))
                .body("resolvedOn", equalTo("2025-06-02"));
    }

    @Test
    void sessionsAreDatedWhereTheyWereHeldNotInUtc() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "evening-" + UUID.randomUUID().toString().substring(0, 8);
        // Mondays 19:30 in New York: 00:30 on Tuesday in UTC; session-service dates them Monday
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-03-04T00:30:00Z"))
                .heldAt(ZoneOffset.ofHours(-5));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE'", story.clientId) == 1);
        String path = "/api/dyads/" + story.clientId + "/alliance";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin()).get(path)
                .then().extract().path("dyads[0].sessions.size()") instanceof Integer n && n == 5);

        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200)
                .body("dyads[0].sessions.date", contains("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24",
                        "2025-03-31"))
                .body("dyads[0].ruptures[0].detectedOn", equalTo("2025-03-24"))
                .body("dyads[0].risk.on", equalTo("2025-03-31"))
                .body("dyads[0].openAlerts[0].sessionDate", equalTo("2025-03-24"));
    }
}
