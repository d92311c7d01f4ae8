package org.alliancepulse.session.attendance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.alliancepulse.contracts.EventPayload;
import org.alliancepulse.contracts.EventType;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.session.SessionCancelled;
import org.alliancepulse.contracts.session.SessionNoShow;
import org.alliancepulse.contracts.session.SessionOutcomeCorrected;
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
class AttendanceTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aNoShowIsRecordedOnceAndAnnouncedWithSessionNumberAndTime() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(YESTERDAY);

        record(dyad.staffToken(), session, Map.of("outcome", "NO_SHOW")).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        // exactly one outcome: another is refused; the same again (a retry) changes and announces nothing
        record(dyad.staffToken(), session, Map.of("outcome", "ATTENDED")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already recorded as NO_SHOW"));
        record(dyad.therapistTokenOnceKnown(), session, Map.of("outcome", "NO_SHOW")).then().statusCode(200)
                .body("status", equalTo("NO_SHOW"));

        SessionNoShow noShow = awaitOne(EventTypes.SESSION_NO_SHOW, e -> e.sessionId().toString().equals(session));
        assertEquals(1, noShow.sessionNumber());
        assertEquals(YESTERDAY, noShow.scheduledAt());
        assertEquals(dyad.clientCode(), noShow.clientCode());
        assertEquals(dyad.therapistId(), noShow.therapistId());
        assertEquals(0, new KafkaEvents(kafka).published(EventTypes.SESSION_ATTENDED,
                e -> e.sessionId().toString().equals(session)).size(), "the refused outcome published nothing");
    }

    @Test
    void eachOutcomeHasItsEvent() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String attended = dyad.scheduleSessionAt(YESTERDAY);
        String lateCancel = dyad.scheduleSessionAt(YESTERDAY.plusSeconds(60));
        String clinicCancel = dyad.scheduleSessionAt(Instant.now().plus(7, ChronoUnit.DAYS));

        record(dyad.staffToken(), attended, Map.of("outcome", "ATTENDED")).then().statusCode(200);
        record(dyad.staffToken(), lateCancel, Map.of("outcome", "CANCELLED_BY_CLIENT", "late", true)).then()
                .statusCode(200).body("late", equalTo(true));
        record(dyad.staffToken(), clinicCancel, Map.of("outcome", "CANCELLED_BY_CLINIC")).then().statusCode(200);

        assertEquals(1, awaitOne(EventTypes.SESSION_ATTENDED, e -> e.sessionId().toString().equals(attended))
                .sessionNumber());
        SessionCancelled late = awaitOne(EventTypes.SESSION_CANCELLED, e -> e.sessionId().toString().equals(lateCancel));
        assertEquals("CLIENT", late.cancelledBy());
        assertTrue(late.late());
        assertEquals(2, late.sessionNumber());
        SessionCancelled byClinic = awaitOne(EventTypes.SESSION_CANCELLED,
                e -> e.sessionId().toString().equals(clinicCancel));
        assertEquals("CLINIC", byClinic.cancelledBy());
        assertEquals(false, byClinic.late());
    }

    @Test
    void aWrongOutcomeIsCorrectedExplicitlyAndTheCorrectionAnnounced() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(YESTERDAY);
        record(dyad.staffToken(), session, Map.of("outcome", "CANCELLED_BY_CLIENT", "late", false)).then().statusCode(200);

        record(dyad.staffToken(), session, Map.of("outcome", "NO_SHOW", "correction", true)).then().statusCode(200)
                .body("status", equalTo("NO_SHOW")).body("late", equalTo(null));

        SessionOutcomeCorrected corrected = awaitOne(EventTypes.SESSION_OUTCOME_CORRECTED,
                e -> e.sessionId().toString().equals(session));
        assertEquals("CANCELLED_BY_CLIENT", corrected.previousOutcome());
        assertEquals("NO_SHOW", corrected.outcome());
        assertEquals(YESTERDAY, corrected.scheduledAt());
        // a correction of nothing is refused
        String fresh = dyad.scheduleSessionAt(YESTERDAY.plusSeconds(120));
        record(dyad.staffToken(), fresh, Map.of("outcome", "ATTENDED", "correction", true)).then().statusCode(409);
    }

    @Test
    void nobodyAttendsOrMissesASessionThatHasNotBegun() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String future = dyad.scheduleSessionAt(Instant.now().plus(2, ChronoUnit.DAYS));

        record(dyad.staffToken(), future, Map.of("outcome", "NO_SHOW")).then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + future).then().body("status", equalTo("SCHEDULED"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{}",
            "{\"outcome\":\"MAYBE\"}",
            "{\"outcome\":\"CANCELLED_BY_CLIENT\"}",
            "{\"outcome\":\"ATTENDED\",\"late\":true}",
            "{\"outcome\":\"ATTENDED\",\"late\":\"sometimes\"}",
            "{\"outcome\":",
    })
    void badInputIsAProblemNamingTheFieldAndChangesNothing(String body) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(YESTERDAY);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/" + session + "/attendance").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session).then().body("status", equalTo("SCHEDULED"));
    }

    /** An unknown outcome is answered with the ones there are (outside probe: "has the wrong type or format"). */
    @Test
    void anUnknownOutcomeIsAnsweredWithTheOutcomesThereAre() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(YESTERDAY);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .post("/api/sessions/" + session + "/attendance").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"))
                .body("violations[0].message", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("must be one of ["),
                        org.hamcrest.Matchers.containsString("NO_SHOW")));
    }

    @Test
    void onlyTheClinicsStaffAndTheSessionsTherapistRecordAttendance() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        KnownDyad other = KnownDyad.announce(events);
        String session = dyad.scheduleSessionAt(YESTERDAY);
        other.awaitTherapistKnown();
        Map<String, Object> attended = Map.of("outcome", "ATTENDED");

        record(Tokens.clinicStaff("another-clinic"), session, attended).then().statusCode(404)
                .contentType("application/problem+json");
        record(Tokens.therapist(other.therapistLogin(), dyad.clinicId()), session, attended).then().statusCode(404);
        record(Tokens.admin(), session, attended).then().statusCode(403);
        record(Tokens.withoutRole(), session, attended).then().statusCode(403);
        given().contentType(ContentType.JSON).body(attended).post("/api/sessions/" + session + "/attendance")
                .then().statusCode(401);
        record(dyad.staffToken(), UUID.randomUUID().toString(), attended).then().statusCode(404);
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session).then().body("status", equalTo("SCHEDULED"));

        record(dyad.therapistTokenOnceKnown(), session, attended).then().statusCode(200);
    }

    private static io.restassured.response.Response record(String token, String session, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/" + session + "/attendance");
    }

    private <P extends EventPayload> P awaitOne(EventType<P> type, Predicate<P> matching) {
        List<KafkaEvents.Published<P>> found = await().pollInSameThread().atMost(Duration.ofSeconds(20))
                .until(() -> new KafkaEvents(kafka).published(type, matching), list -> !list.isEmpty());
        assertEquals(1, found.size(), "published once");
        assertEquals(found.get(0).payload().aggregateId(), found.get(0).key(), "keyed by client");
        return found.get(0).payload();
    }
}
