package org.alliancepulse.session.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class SessionSchedulingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void staffScheduleASessionWithTheAssignedTherapistAndItIsAnnounced() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));

        String session = dyad.scheduleSession(LocalDate.of(2026, 12, 3));

        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session)
                .then().statusCode(200)
                .body("therapistId", equalTo(dyad.therapistId().toString()))
                .body("clientCode", equalTo(dyad.clientCode()))
                .body("status", equalTo("SCHEDULED"));
        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.SESSION_SCHEDULED,
                        e -> e.sessionId().toString().equals(session)),
                found -> !found.isEmpty());
        assertEquals(LocalDate.of(2026, 12, 3), events.get(0).payload().sessionDate());
    }

    @Test
    void onlyTheClinicsStaffAndTheAssignedTherapistMayScheduleOrRead() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        KnownDyad otherTherapistsDyad = KnownDyad.announce(events);
        String session = dyad.scheduleSession(LocalDate.of(2026, 12, 3));
        dyad.awaitTherapistKnown();
        otherTherapistsDyad.awaitTherapistKnown();
        long before = Session.count("clientId", dyad.clientId());
        Map<String, String> body = Map.of("clientId", dyad.clientId().toString(), "sessionDate", "2026-12-10");

        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist(otherTherapistsDyad.therapistLogin(), dyad.clinicId()))
                .contentType(ContentType.JSON).body(body).post("/api/sessions").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/sessions").then().statusCode(401);
        assertEquals(before, Session.count("clientId", dyad.clientId()));

        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get("/api/sessions/" + session)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.therapist(otherTherapistsDyad.therapistLogin(), dyad.clinicId()))
                .get("/api/sessions/" + session).then().statusCode(403);
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + session).then().statusCode(200);
        given().get("/api/sessions/" + session).then().statusCode(401);
    }

    @Test
    void aClientWithoutAKnownAssignmentIsNotFound() {
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body(Map.of("clientId", UUID.randomUUID().toString(), "sessionDate", "2026-12-03"))
                .post("/api/sessions").then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"sessionDate\":\"2026-12-03\"}",
            "{\"clientId\":\"not-a-uuid\",\"sessionDate\":\"2026-12-03\"}",
            "{\"clientId\":\"%s\"}",
            "{\"clientId\":\"%s\",\"sessionDate\":\"03/12/2026\"}",
            "{\"clientId\":\"%s\",\"sessionDate\":\"2026-13-01\"}" })
    void badInputIsAProblemAndStoresNothing(String template) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        dyad.scheduleSession(LocalDate.of(2026, 12, 1));
        long before = Session.count("clientId", dyad.clientId());

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(template.formatted(dyad.clientId())).post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, Session.count("clientId", dyad.clientId()));
    }
}
