package org.alliancepulse.analytics.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.analytics.DyadStory;
import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** What other thresholds would have raised over the recorded history, beside the live settings, changing nothing. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class WhatIfReplayTest {

    private static final String GROUP = "alliance-analytics-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @jakarta.inject.Inject
    org.alliancepulse.analytics.rules.RulesConfig rules;

    @Test
    void aStricterRuptureThresholdWouldHaveRaisedNothingAndTheLiveAlertsStayAsTheyAre() {
        KafkaEvents events = new KafkaEvents(kafka);
        // a clinic of its own, so the figures are this story's alone
        String clinic = "whatif-" + UUID.randomUUID().toString().substring(0, 8);
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-05-05T09:00:00Z"))
                .attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5).attended(3, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> Alert.count("clientId = ?1 and kind = 'RUPTURE'", story.clientId) == 1);
        await().atMost(Duration.ofSeconds(30)).until(events.consumedByGroup(GROUP, Topics.SESSION_EVENTS));
        await().atMost(Duration.ofSeconds(30)).until(events.consumedByGroup(GROUP, Topics.INTAKE_EVENTS));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxEmpty());
        long alertsBefore = Alert.count("clientId", story.clientId);
        Alert rupture = Alert.find("clientId = ?1 and kind = 'RUPTURE'", story.clientId).firstResult();
        int eventsBefore = events.published(EventTypes.ALERT_RAISED, a -> a.clientId().equals(story.clientId)).size();

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("thresholds", Map.of("kRupture", 40.0, "kWatch", 20.0), "clinicId", clinic))
                .post("/api/what-if-replays").then().statusCode(200)
                .body("dyads", equalTo(1))
                .body("live.alertsRaised.RUPTURE", equalTo(1))
                .body("whatIf.alertsRaised.RUPTURE", equalTo(0))
                .body("liveSettings.kRupture", equalTo((float) rules.thresholds().kRupture()))
                .body("whatIfSettings.kRupture", equalTo(40.0f))
                .body("live.therapistWeeks", equalTo(5))
                .body("from", equalTo("2025-05-05")).body("to", equalTo("2025-06-02"))
                // which alert it would not have raised: the live rupture, named by its dyad, code and session
                .body("alerts", hasSize(0))
                .body("notRaised", hasSize(1))
                .body("notRaised[0].kind", equalTo("RUPTURE"))
                .body("notRaised[0].clientCode", equalTo(story.clientCode))
                .body("notRaised[0].sessionId", equalTo(rupture.sessionId.toString()))
                .body("notRaised[0].sessionNumber", equalTo(rupture.sessionNumber))
                .body("notRaised[0].sessionDate", equalTo(rupture.sessionDate.toString()))
                .body("notRaised[0].reasons", hasItem("BOND_FELL"))
                .body("listsCut", equalTo(false));
        // the live settings as a what-if: the same alerts, each raised live too, none left out
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("clinicId", clinic))
                .post("/api/what-if-replays").then().statusCode(200)
                .body("alerts.kind", equalTo(java.util.List.of("RUPTURE")))
                .body("alerts[0].live", equalTo(true))
                .body("alerts[0].sessionId", equalTo(rupture.sessionId.toString()))
                .body("notRaised", hasSize(0));

        assertEquals(alertsBefore, Alert.count("clientId", story.clientId), "nothing live changed");
        assertEquals(eventsBefore, events.published(EventTypes.ALERT_RAISED,
                a -> a.clientId().equals(story.clientId)).size(), "nothing published");
    }

    /** The default window is the recorded sessions' dates where they were held: an evening in New York is inside. */
    @Test
    void theDefaultWindowHoldsTheLastSessionHeldOnAnEveningWestOfUtc() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "whatif-west-" + UUID.randomUUID().toString().substring(0, 8);
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-05-06T00:30:00Z"))
                .heldAt(java.time.ZoneOffset.ofHours(-5))
                .attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5); // Monday 26 May, 19:30 in New York: 27 May in UTC
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> Alert.count("clientId = ?1 and kind = 'RUPTURE'", story.clientId) == 1);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("clinicId", clinic))
                .post("/api/what-if-replays").then().statusCode(200)
                .body("from", equalTo("2025-05-05")).body("to", equalTo("2025-05-26"))
                .body("live.alertsRaised.RUPTURE", equalTo(1))
                .body("live.therapistWeeks", equalTo(4));
    }

    private static boolean outboxEmpty() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Alert.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue() == 0);
    }

    @Test
    void unknownSettingsAndBrokenCombinationsAreAProblemNamingThem() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("thresholds", Map.of("kRuptur", 3.0))).post("/api/what-if-replays").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("thresholds.kRuptur"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("thresholds", Map.of("riskClear", 0.9, "riskRaise", 0.5))).post("/api/what-if-replays")
                .then().statusCode(400).contentType("application/problem+json");
        // values off the instruments' scales, and whole numbers too large to be one (outside probe: 200s)
        for (Map<String, Object> offScale : List.<Map<String, Object>>of(Map.of("fitIndex", 150), Map.of("fitIndex", -10),
                Map.of("lowSrsTotal", 1000), Map.of("earlyDropIndex", -5), Map.of("fitFromSession", -3),
                Map.of("fitFromSession", 0), Map.of("warmUpScoredSessions", 1e10), Map.of("cooldownDays", 1e10))) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("thresholds", offScale))
                    .post("/api/what-if-replays").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(offScale.keySet().iterator().next()));
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("from", "2025-06-01", "to", "2025-05-01")).post("/api/what-if-replays")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        // as the metrics take them (outside probe: years 0001-9999 and an unknown clinic were replayed)
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("from", "0001-01-01", "to", "2025-05-01")).post("/api/what-if-replays")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", "nowhere-" + java.util.UUID.randomUUID())).post("/api/what-if-replays")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsReplay() {
        for (String token : new String[] { Tokens.clinicStaff("north"), Tokens.therapist("dr-north", "north") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/what-if-replays").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/what-if-replays").then().statusCode(401);
    }
}
