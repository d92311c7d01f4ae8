package org.alliancepulse.session.dyad;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Reassignments and endings of the episode of care, from intake-events, decide who books new sessions. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class EpisodeEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Test
    void afterAReassignmentNewSessionsBelongToTheNewTherapistAndTheOldOneSeesNoMore() throws Exception {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        String before = dyad.scheduleSession(LocalDate.now().minusDays(7));

        UUID next = UUID.randomUUID();
        String nextLogin = "dr-" + next.toString().substring(0, 8);
        events.publish(new TherapistRegistered(next, dyad.clinicId(), nextLogin, "Dr " + nextLogin, nextLogin + "@c.example"));
        events.publish(new ClientReassigned(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), UUID.randomUUID(),
                dyad.therapistId(), next, ClientReassigned.Reason.FIT, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> next.equals(therapistOf(dyad.clientId())));

        String after = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "sessionDate", LocalDate.now().toString()))
                .post("/api/sessions").then().statusCode(201)
                .body("therapistId", equalTo(next.toString()))
                .body("sessionNumber", equalTo(2)) // the episode goes on with the new therapist
                .extract().path("id");

        // the previous therapist: the client is no longer theirs - not their own past session (as intake answers
        // them), not the new one's, no new bookings; the new therapist reads the whole course and records only in
        // their own sessions
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + before).then().statusCode(404);
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + after).then().statusCode(404);
        given().auth().oauth2(dyad.therapistToken()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_SHOW")).post("/api/sessions/" + before + "/attendance").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.therapist(nextLogin, dyad.clinicId())).get("/api/sessions/" + before)
                .then().statusCode(200);
        // a session they read but another therapist held: refused, saying why (was the 404 of an unknown session)
        given().auth().oauth2(Tokens.therapist(nextLogin, dyad.clinicId())).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_SHOW")).post("/api/sessions/" + before + "/attendance").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("another therapist"));
        given().auth().oauth2(dyad.therapistToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "sessionDate", LocalDate.now().toString()))
                .post("/api/sessions").then().statusCode(404);
        given().auth().oauth2(Tokens.therapist(nextLogin, dyad.clinicId())).get("/api/sessions/" + after)
                .then().statusCode(200);
    }

    @Test
    void afterTheEpisodeEndsNoNewSessionsUntilANewEpisodeBegins() throws Exception {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        String held = dyad.scheduleSession(LocalDate.now().minusDays(14));
        Instant closedAt = Instant.now();
        events.publish(new EpisodeClosed(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), UUID.randomUUID(),
                dyad.therapistId(), EpisodeClosed.Ending.DROPOUT, LocalDate.now().minusDays(1), closedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeClosed(dyad.clientId()));
        // the client is no longer assigned to anyone: the clinic's staff read the course, the therapist no more
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + held).then().statusCode(404);
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + held).then().statusCode(200);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "sessionDate", LocalDate.now().toString()))
                .post("/api/sessions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("its last day was " + LocalDate.now().minusDays(1)));
        // a session held up to the last day is part of the episode's care, entered afterwards (outside probe: a
        // history whose discharge was entered first could not be entered at all)
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt",
                        LocalDate.now().minusDays(1) + "T23:30:00-05:00"))
                .post("/api/sessions").then().statusCode(201).body("sessionNumber", equalTo(2));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt",
                        LocalDate.now().minusDays(1).plusDays(1) + "T00:30:00+01:00"))
                .post("/api/sessions").then().statusCode(409);

        // a late, older assignment does not reopen it; a new episode's assignment does
        events.publish(new ClientAssigned(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), dyad.therapistId(),
                closedAt.minusSeconds(3600)));
        events.publish(new ClientAssigned(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), dyad.therapistId(),
                closedAt.plusSeconds(60), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !episodeClosed(dyad.clientId()));
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + held).then().statusCode(200);
        // the new episode's first session is its session 1
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "sessionDate", LocalDate.now().toString()))
                .post("/api/sessions").then().statusCode(201).body("sessionNumber", equalTo(1));
    }

    /**
     * A day given in intake for the therapist's start bounds the course as the episode's end does (outside probe: a
     * session of 1999 entered the series of a course that began in 2026). Without a day given, nothing is known.
     */
    @Test
    void noSessionBeforeTheDayGivenForTheTherapistsStart() throws Exception {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        dyad.scheduleSession(LocalDate.parse("2025-01-06")); // the assignment above gave no day

        UUID next = UUID.randomUUID();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        // as intake announces a change of therapist given today's date: now, with the day given
        events.publish(new ClientReassigned(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), UUID.randomUUID(),
                dyad.therapistId(), next, ClientReassigned.Reason.AVAILABILITY, Instant.now(), today));
        await().atMost(Duration.ofSeconds(30)).until(() -> next.equals(therapistOf(dyad.clientId())));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", today.minusDays(1) + "T16:00:00Z"))
                .post("/api/sessions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("began on " + today));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "sessionDate", "1999-06-01"))
                .post("/api/sessions").then().statusCode(409);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", today + "T00:30:00Z"))
                .post("/api/sessions").then().statusCode(201).body("therapistId", equalTo(next.toString()));
    }

    private UUID therapistOf(UUID client) throws Exception {
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("SELECT therapist_id FROM dyad WHERE client_id = ?")) {
            q.setObject(1, client);
            var rs = q.executeQuery();
            return rs.next() ? rs.getObject(1, UUID.class) : null;
        }
    }

    private boolean episodeClosed(UUID client) throws Exception {
        try (var c = dataSource.getConnection();
                var q = c.prepareStatement("SELECT episode_closed_at IS NOT NULL FROM dyad WHERE client_id = ?")) {
            q.setObject(1, client);
            var rs = q.executeQuery();
            return rs.next() && rs.getBoolean(1);
        }
    }
}
