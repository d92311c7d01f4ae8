package org.alliancepulse.session.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.session.FeedbackCorrected;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
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
class FeedbackGivenAndCorrectedTest {

    private static final Instant LAST_WEEK = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void answersEnteredLaterKeepWhenTheyWereGivenAndTheEventCarriesNumberTimeAndIndex() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        Instant given = LAST_WEEK.plus(50, ChronoUnit.MINUTES);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", Map.of("relationship", 7, "goals", 8, "approach", 7.5,
                        "overall", 8), "givenAt", given.toString()))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201)
                .body("total", equalTo(30.5f)).body("allianceIndex", equalTo(76.25f))
                .body("givenAt", equalTo(given.toString()));

        FeedbackSubmitted event = awaitOne(session).payload();
        assertEquals(given, event.submittedAt());
        assertEquals(1, event.sessionNumber());
        assertEquals(LAST_WEEK, event.scheduledAt());
        assertEquals(0, new BigDecimal("76.25").compareTo(event.allianceIndex()));
        assertEquals(List.of(new BigDecimal("7"), new BigDecimal("8"), new BigDecimal("7.5"), new BigDecimal("8")),
                event.answers().stream().map(BigDecimal::stripTrailingZeros).toList());
    }

    /** The answer to the POST and a later GET read alike: 8 not 8.0, 31 not 31.00 (outside probe: 29.5 then 29.50). */
    @Test
    void numbersReadTheSameWhenGivenAndWhenReadAgain() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        String path = "/api/sessions/" + session + "/feedback";
        String posted = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body("{\"instrument\":\"SRS\",\"answers\":[7.5,8.0,7.5,8.00]}").post(path).then().statusCode(201)
                .extract().asString();
        String read = given().auth().oauth2(dyad.staffToken()).get(path + "/SRS").then().statusCode(200)
                .extract().asString();
        assertEquals(posted, read);
        assertTrue(read.contains("\"answers\":[7.5,8,7.5,8]") && read.contains("\"total\":31,")
                && read.contains("\"allianceIndex\":77.5,"), read);
    }

    @Test
    void anOutcomeInstrumentHasNoAllianceIndex() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "ORS", "answers", List.of(5, 6, 7, 8.5)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201)
                .body("allianceIndex", equalTo(null));
        assertEquals(null, awaitOne(session).payload().allianceIndex());
    }

    @Test
    void aCorrectionReplacesTheAnswersKeepsTheOriginalAndIsAnnounced() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        String path = "/api/sessions/" + session + "/feedback";
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(3, 8, 7.5, 8))).post(path).then().statusCode(201);
        // one measure per session and instrument
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(9, 8, 7.5, 8))).post(path).then().statusCode(409)
                .body("detail", containsString("PUT corrects it"));

        given().auth().oauth2(dyad.therapistTokenOnceKnown()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 8, 7.5, 8))).put(path + "/SRS").then().statusCode(200)
                .body("total", equalTo(32.5f)).body("originals", hasSize(1))
                .body("originals[0].total", equalTo(26.5f));
        // the same correction again, keyed and with decimals this time, is no second correction: PUT is repeatable
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("relationship", 9.0, "goals", 8, "approach", 7.5, "overall", 8)))
                .put(path + "/SRS").then().statusCode(200).body("total", equalTo(32.5f)).body("originals", hasSize(1));
        // a body naming another instrument than the path is refused, not applied to the path's (outside probe)
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "ORS", "answers", List.of(1, 1, 1, 1))).put(path + "/SRS").then()
                .statusCode(400).body("violations[0].field", equalTo("instrument"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "srs", "answers", List.of(9, 8, 7.5, 8))).put(path + "/SRS").then()
                .statusCode(200).body("originals", hasSize(1));
        // an instrument's code in any case is the instrument, for reading and correcting alike (was 404 and 400)
        given().auth().oauth2(dyad.staffToken()).get(path + "/srs").then().statusCode(200).body("instrument", equalTo("SRS"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 8, 7.5, 8))).put(path + "/srs").then().statusCode(200)
                .body("originals", hasSize(1));
        assertEquals(1, FeedbackRevision.of(Feedback.of(UUID.fromString(session), "SRS").orElseThrow().id).size());

        given().auth().oauth2(dyad.staffToken()).get(path + "/SRS").then().statusCode(200)
                .body("answers[0]", equalTo(9)).body("originals[0].answers[0]", equalTo(3))
                .body("correctedAt", org.hamcrest.Matchers.notNullValue());
        var corrected = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.FEEDBACK_CORRECTED,
                        e -> e.sessionId().toString().equals(session)),
                found -> !found.isEmpty());
        assertEquals(1, corrected.size());
        FeedbackCorrected event = corrected.get(0).payload();
        assertEquals(0, new BigDecimal("3").compareTo(event.previousAnswers().get(0)));
        assertEquals(0, new BigDecimal("32.5").compareTo(event.total()));
        assertEquals(0, new BigDecimal("81.25").compareTo(event.allianceIndex()));
        assertEquals(dyad.therapistLogin(), event.correctedBy(), "the first correction's: the therapist's login");
        assertEquals(dyad.clientId().toString(), corrected.get(0).key());
    }

    @Test
    void aBadCorrectionChangesNothingAndOnlyWhatExistsCanBeCorrected() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        String path = "/api/sessions/" + session + "/feedback";
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(3, 8, 7.5, 8))).post(path).then().statusCode(201);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(3, 8, 17.5, 8))).put(path + "/SRS").then().statusCode(400)
                .body("detail", containsString("answers[2]"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(3, 8, 7.5, 8))).put(path + "/ORS").then().statusCode(404);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(3, 8, 7.5, 8))).put(path + "/PHQ-9").then().statusCode(400)
                .body("detail", containsString("instrument"));
        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 9, 9, 9))).put(path + "/SRS").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 9, 9, 9))).put(path + "/SRS").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 9, 9, 9))).put(path + "/SRS").then().statusCode(401);

        given().auth().oauth2(dyad.staffToken()).get(path + "/SRS").then().body("total", equalTo(26.5f))
                .body("originals", hasSize(0));
        assertEquals(0, new KafkaEvents(kafka).published(EventTypes.FEEDBACK_CORRECTED,
                e -> e.sessionId().toString().equals(session)).size());
    }

    @Test
    void feedbackIsReadByTheClinicTheTherapistAndAdminsOnly() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        String path = "/api/sessions/" + session + "/feedback";
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9))).post(path).then().statusCode(201);

        given().auth().oauth2(dyad.staffToken()).get(path).then().statusCode(200).body("instrument", equalTo(List.of("SRS")));
        given().auth().oauth2(dyad.therapistTokenOnceKnown()).get(path + "/SRS").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get(path + "/SRS").then().statusCode(200);
        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get(path + "/SRS").then().statusCode(404);
        given().auth().oauth2(Tokens.withoutRole()).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(dyad.staffToken()).get(path + "/ORS").then().statusCode(404);
    }

    @Test
    void noFeedbackForASessionThatDidNotTakePlace() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(Map.of("outcome", "NO_SHOW"))
                .post("/api/sessions/" + session + "/attendance").then().statusCode(200);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(409);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,8],\"givenAt\":\"yesterday\"}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,8],\"givenAt\":\"2999-01-01T00:00:00Z\"}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,8],\"givenAt\":\"2001-01-01T00:00:00Z\"}",
            "{\"instrument\":\"SRS\",\"answers\":{\"relationship\":7,\"goals\":8,\"approach\":7,\"overall\":8,\"mood\":1}}",
            "{\"instrument\":\"SRS\",\"answers\":{\"relationship\":7,\"goals\":8,\"approach\":7}}",
            "{\"instrument\":\"SRS\",\"answers\":{\"relationship\":7,\"goals\":\"eight\",\"approach\":7,\"overall\":8}}",
            "{\"instrument\":\"SRS\",\"answers\":\"7,8,7,8\"}",
    })
    void badTimesAndBadlyKeyedAnswersAreAProblemNamingTheFieldAndStoreNothing(String body) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(LAST_WEEK);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/" + session + "/feedback").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.anyOf(containsString("givenAt"), containsString("answers")));
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
    }

    private KafkaEvents.Published<FeedbackSubmitted> awaitOne(String session) {
        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.FEEDBACK_SUBMITTED,
                        e -> e.sessionId().toString().equals(session)),
                found -> !found.isEmpty());
        assertEquals(1, events.size());
        return events.get(0);
    }
}
