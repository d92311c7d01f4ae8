package org.alliancepulse.session.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
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
        assertEquals(dyad.clientCode(), events.get(0).payload().clientCode(), "the code, as the other session events");
    }

    @Test
    void concurrentBookingsForOneClientAreNumberedOneAfterAnother() throws Exception {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        dyad.scheduleSession(LocalDate.of(2026, 12, 1)); // known to session-service from here on
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var bookings = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                String day = LocalDate.of(2026, 12, 2).plusDays(i).toString();
                bookings.add(pool.submit(() -> given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                        .body(Map.of("clientId", dyad.clientId().toString(), "sessionDate", day))
                        .post("/api/sessions").then().extract().statusCode()));
            }
            for (var booking : bookings) {
                assertEquals(201, booking.get(), "every concurrent booking is taken");
            }
        } finally {
            pool.shutdown();
        }
        var numbers = Session.<Session> list("clientId", dyad.clientId()).stream().map(s -> s.sessionNumber)
                .sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 9).boxed().toList(), numbers);
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

        // another clinic, and another therapist of the same clinic, cannot even learn that the client exists
        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist(otherTherapistsDyad.therapistLogin(), dyad.clinicId()))
                .contentType(ContentType.JSON).body(body).post("/api/sessions").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/sessions").then().statusCode(401);
        assertEquals(before, Session.count("clientId", dyad.clientId()));

        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get("/api/sessions/" + session)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist(otherTherapistsDyad.therapistLogin(), dyad.clinicId()))
                .get("/api/sessions/" + session).then().statusCode(404);
        given().auth().oauth2(Tokens.withoutRole()).get("/api/sessions/" + session).then().statusCode(403);
        // admins read (network oversight) but do not book
        given().auth().oauth2(Tokens.admin()).get("/api/sessions/" + session).then().statusCode(200);
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + session).then().statusCode(200);
        given().get("/api/sessions/" + session).then().statusCode(401);
    }

    @Test
    void aClientWhoseAssignmentHasNotArrivedIsAConflictThatSaysSo() {
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body(Map.of("clientId", UUID.randomUUID().toString(), "scheduledAt", "2026-12-03T10:00:00+01:00"))
                .post("/api/sessions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("does not know this client's assignment yet"))
                // a program tells this 409, which passes by itself, from one that needs another request
                .body("type", equalTo("urn:problem-type:alliance-pulse:not-yet-known")).header("Retry-After", "2");
    }

    @Test
    void sessionsHaveATimeInThePastOrFutureAndANumberThatIsNextUnlessGiven() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String first = dyad.scheduleSession(LocalDate.of(2026, 12, 1));

        // a network importing its history records sessions from years ago, numbered as they were
        String imported = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2019-03-04T16:30:00+01:00",
                        "sessionNumber", 7))
                .post("/api/sessions").then().statusCode(201)
                .body("scheduledAt", equalTo("2019-03-04T15:30:00Z")).body("sessionDate", equalTo("2019-03-04"))
                .body("sessionNumber", equalTo(7)).extract().path("id");
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2030-01-02T09:00:00Z"))
                .post("/api/sessions").then().statusCode(201).body("sessionNumber", equalTo(8));
        // a number already used is a conflict and stores nothing
        long before = Session.count("clientId", dyad.clientId());
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2030-01-09T09:00:00Z", "sessionNumber", 7))
                .post("/api/sessions").then().statusCode(409).contentType("application/problem+json");
        assertEquals(before, Session.count("clientId", dyad.clientId()));

        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + first).then().body("sessionNumber", equalTo(1));
        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.SESSION_SCHEDULED,
                        e -> e.sessionId().toString().equals(imported)),
                found -> !found.isEmpty());
        assertEquals(7, events.get(0).payload().sessionNumber());
        assertNotNull(events.get(0).payload().episodeId(), "the episode its number counts in");
        assertEquals(Instant.parse("2019-03-04T15:30:00Z"), events.get(0).payload().scheduledAt());
    }

    /** The same booking sent twice without an Idempotency-Key is one session: a client is in one at a time. */
    @Test
    void aSecondBookingOfTheClientAtTheSameMomentIsAConflictUntilTheFirstIsCancelled() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        dyad.scheduleSession(LocalDate.of(2026, 12, 1));
        Map<String, Object> booking = Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-12-08T11:00:00+01:00");
        String first = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(booking)
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        long before = Session.count("clientId", dyad.clientId());
        // the same moment written at another offset is the same moment
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-12-08T10:00:00Z"))
                .post("/api/sessions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));
        assertEquals(before, Session.count("clientId", dyad.clientId()));
        // an hour later is another session
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-12-08T12:00:00+01:00"))
                .post("/api/sessions").then().statusCode(201);
        // once the first is cancelled its time is free again
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "CANCELLED_BY_CLINIC")).post("/api/sessions/" + first + "/attendance")
                .then().statusCode(200);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(booking)
                .post("/api/sessions").then().statusCode(201);
    }

    @Test
    void aSessionIsDatedByTheDayWhereItIsHeldNotTheDayInUtc() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        // known to session-service from here on: the assignment reaches it through Kafka (a booking straight after
        // the announcement met the retryable 409 once in CI)
        dyad.scheduleSession(LocalDate.of(2026, 3, 1));
        // an evening session in New York is already the next day in UTC; a morning one in Sydney still the day before
        String evening = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-03-10T19:30:00-05:00"))
                .post("/api/sessions").then().statusCode(201)
                .body("scheduledAt", equalTo("2026-03-11T00:30:00Z")).body("sessionDate", equalTo("2026-03-10"))
                .extract().path("id");
        // both forms at once must agree on the day (outside probe: a contradicting sessionDate was dropped)
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-03-12T10:00:00Z",
                        "sessionDate", "2026-03-13"))
                .post("/api/sessions").then().statusCode(400).body("violations[0].field", equalTo("sessionDate"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-03-12T19:30:00-05:00",
                        "sessionDate", "2026-03-12"))
                .post("/api/sessions").then().statusCode(201);
        String morning = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", "2026-03-17T09:00:00+11:00"))
                .post("/api/sessions").then().statusCode(201)
                .body("scheduledAt", equalTo("2026-03-16T22:00:00Z")).body("sessionDate", equalTo("2026-03-17"))
                .extract().path("id");

        for (var expected : Map.of(evening, LocalDate.of(2026, 3, 10), morning, LocalDate.of(2026, 3, 17)).entrySet()) {
            var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                    () -> new KafkaEvents(kafka).published(EventTypes.SESSION_SCHEDULED,
                            e -> e.sessionId().toString().equals(expected.getKey())),
                    found -> !found.isEmpty());
            assertEquals(expected.getValue(), events.get(0).payload().sessionDate(), "the date the alerts will show");
        }
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"sessionDate\":\"2026-12-03\"}",
            "{\"clientId\":\"not-a-uuid\",\"sessionDate\":\"2026-12-03\"}",
            "{\"clientId\":\"%s\"}",
            "{\"clientId\":\"%s\",\"sessionDate\":\"03/12/2026\"}",
            "{\"clientId\":\"%s\",\"sessionDate\":\"2026-13-01\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"tomorrow at ten\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"2026-12-03T25:00:00Z\"}",
            // typos every consumer would carry (year 99999 once failed the analytics rebuild)
            "{\"clientId\":\"%s\",\"scheduledAt\":\"+99999-11-23T10:00:00Z\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"0001-01-01T10:00:00Z\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"1899-12-31T23:59:59Z\"}",
            "{\"clientId\":\"%s\",\"sessionDate\":\"3000-01-01\"}",
            // in the years as an instant, not as the day where the session is held (its date)
            "{\"clientId\":\"%s\",\"scheduledAt\":\"1899-12-31T20:00:00-05:00\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"3000-01-01T02:00:00+05:00\"}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"2026-12-03T10:00:00Z\",\"sessionNumber\":0}",
            // a wrong JSON type is refused, not converted (2.5 was cut to 2)
            "{\"clientId\":\"%s\",\"scheduledAt\":\"2026-12-03T10:00:00Z\",\"sessionNumber\":2.5}",
            "{\"clientId\":\"%s\",\"sessionDate\":20000}",
            // nor a number read as seconds since 1970 (outside probe: 1700000000 was booked as 2023-11-14T22:13:20Z)
            "{\"clientId\":\"%s\",\"scheduledAt\":1700000000}",
            "{\"clientId\":\"%s\",\"scheduledAt\":1700000000.5}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"2026-12-03T10:00:00Z\",\"sessionNumber\":2147483648}",
            "{\"clientId\":\"%s\",\"scheduledAt\":\"2026-12-03T10:00:00Z\",\"sessionNumber\":\"two\"}" })
    void badInputIsAProblemAndStoresNothing(String template) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        dyad.scheduleSession(LocalDate.of(2026, 12, 1));
        long before = Session.count("clientId", dyad.clientId());

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(template.formatted(dyad.clientId())).post("/api/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", anyOf(containsString("clientId"), containsString("sessionDate"),
                        containsString("scheduledAt"), containsString("sessionNumber")));

        assertEquals(before, Session.count("clientId", dyad.clientId()));
    }
}
