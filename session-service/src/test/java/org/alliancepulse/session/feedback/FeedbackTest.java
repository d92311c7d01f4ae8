package org.alliancepulse.session.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
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
class FeedbackTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void srsFeedbackIsScoredStoredAndPublishedWithWhatAnalyticsNeeds() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(7, 8, 7.5, 8)))
                .when().post("/api/sessions/" + session + "/feedback")
                .then().statusCode(201).body("total", equalTo(30.5f)).body("subscales.tasks", equalTo(7.5f));

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.FEEDBACK_SUBMITTED,
                        e -> e.sessionId().toString().equals(session)),
                found -> !found.isEmpty());
        assertEquals(1, events.size());
        FeedbackSubmitted event = events.get(0).payload();
        assertEquals(dyad.clientId(), event.clientId());
        assertEquals(dyad.clientCode(), event.clientCode());
        assertEquals(dyad.therapistId(), event.therapistId());
        assertEquals(dyad.clinicId(), event.clinicId());
        assertEquals(TODAY, event.sessionDate());
        assertEquals("SRS", event.instrument());
        assertEquals(0, new BigDecimal("30.5").compareTo(event.total()));
        assertEquals("staff-" + dyad.clinicId(), event.enteredBy(), "who typed the answers in: the staff's login");
        assertEquals(dyad.clientId().toString(), events.get(0).key(), "session events are keyed by client");
    }

    @Test
    void theSameAnswersSentEightTimesAtOnceAreStoredOnceAndTheRestAre409() throws Exception {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var sent = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                            .body(Map.of("instrument", "SRS", "answers", List.of(7, 8, 7.5, 8)))
                            .post("/api/sessions/" + session + "/feedback").then()
                            .contentType(org.hamcrest.Matchers.anyOf(
                                    org.hamcrest.Matchers.startsWith("application/json"),
                                    org.hamcrest.Matchers.startsWith("application/problem+json")))
                            .extract().statusCode();
                }));
            }
            start.countDown();
            for (var one : sent) {
                statuses.add(one.get());
            }
        } finally {
            pool.shutdown();
        }
        // each checked "none yet" and the database let one in: the others were a 500 (a black-box probe found it)
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @Test
    void aSessionWithTheClientsAnswersCannotBeANoShow() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(7, 8, 7.5, 8)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201);
        // the answers mean it took place: recorded and announced as attended, here as in analytics (outside probe:
        // SCHEDULED here, ATTENDED there, no SessionAttended on the topic)
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session).then().statusCode(200)
                .body("status", equalTo("ATTENDED"));

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(Map.of("outcome", "NO_SHOW"))
                .post("/api/sessions/" + session + "/attendance").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("feedback was recorded"));
        // attendance entered after the answers, as many clinics do: the same outcome, nothing new
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(Map.of("outcome", "ATTENDED"))
                .post("/api/sessions/" + session + "/attendance").then().statusCode(200);
        var attended = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.SESSION_ATTENDED,
                        e -> e.sessionId().toString().equals(session)), found -> !found.isEmpty());
        assertEquals(1, attended.size(), "announced attended once");
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "CANCELLED_BY_CLINIC", "correction", true))
                .post("/api/sessions/" + session + "/attendance").then().statusCode(409);
    }

    @Inject
    DataSource dataSource;

    /**
     * Answers arriving while a no-show is being recorded: they wait for it and are refused, rather than both being
     * stored. The no-show's transaction is held open here, by hand, at the point where it changed the session.
     */
    @Test
    void answersSentWhileANoShowIsBeingRecordedWaitForItAndAreRefused() throws Exception {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);
        String answers = "{\"instrument\":\"SRS\",\"answers\":[7,8,7.5,8]}";
        try (Connection noShow = dataSource.getConnection()) {
            noShow.setAutoCommit(false);
            try (PreparedStatement update = noShow.prepareStatement(
                    "UPDATE session SET status = 'NO_SHOW', version = version + 1 WHERE id = ?")) {
                update.setObject(1, UUID.fromString(session));
                assertEquals(1, update.executeUpdate());
            }
            long holder = backendPid(noShow);
            CompletableFuture<io.restassured.response.Response> sent = CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(answers)
                            .post("/api/sessions/" + session + "/feedback"));
            await().atMost(Duration.ofSeconds(20)).until(() -> sent.isDone() || blockedBy(holder) > 0);
            noShow.commit();
            io.restassured.response.Response response = sent.get(20, TimeUnit.SECONDS);
            assertEquals(409, response.statusCode(), response.asString());
            assertTrue(response.asString().contains("did not take place"), response.asString());
            assertEquals(0, feedbackOf(session));
        }
    }

    /**
     * A no-show recorded while the client's answers are being stored: it waits for them and is refused. The answers'
     * transaction is held open here, by hand, as the answers take it: the session locked, the answers written.
     */
    @Test
    void aNoShowRecordedWhileAnswersAreBeingStoredWaitsForThemAndIsRefused() throws Exception {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);
        try (Connection answering = dataSource.getConnection()) {
            answering.setAutoCommit(false);
            try (PreparedStatement lock = answering.prepareStatement("SELECT id FROM session WHERE id = ? FOR UPDATE");
                    PreparedStatement insert = answering.prepareStatement("""
                            INSERT INTO feedback (id, session_id, instrument, answers, total, subscales, entered_by,
                                                  submitted_at, given_at)
                            VALUES (?, ?, 'SRS', '[9,9,9,9]', 36, '{}', 'test', now(), now())""")) {
                lock.setObject(1, UUID.fromString(session));
                lock.executeQuery().close();
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(session));
                insert.executeUpdate();
            }
            long holder = backendPid(answering);
            CompletableFuture<io.restassured.response.Response> recorded = CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                            .body(Map.of("outcome", "NO_SHOW")).post("/api/sessions/" + session + "/attendance"));
            await().atMost(Duration.ofSeconds(20)).until(() -> recorded.isDone() || blockedBy(holder) > 0);
            answering.commit();
            io.restassured.response.Response response = recorded.get(20, TimeUnit.SECONDS);
            assertEquals(409, response.statusCode(), response.asString());
            assertTrue(response.asString().contains("feedback was recorded"), response.asString());
            given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session).then().statusCode(200)
                    .body("status", equalTo("SCHEDULED"));
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sessions waiting for a lock the hand-held transaction (its backend) holds: the request, once it waits. */
    private long blockedBy(long holder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            s.setInt(1, (int) holder);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long feedbackOf(String session) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM feedback WHERE session_id = ?")) {
            s.setObject(1, UUID.fromString(session));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theAssignedTherapistMayEnterFeedbackButNotAnotherTherapistOrClinic() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        KnownDyad otherDyadSameClinicIrrelevant = KnownDyad.announce(events);
        String session = dyad.scheduleSession(TODAY);
        dyad.awaitTherapistKnown();
        otherDyadSameClinicIrrelevant.awaitTherapistKnown();
        String path = "/api/sessions/" + session + "/feedback";
        Map<String, Object> srs = Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9));

        // another clinic's staff: as if the session did not exist
        given().auth().oauth2(Tokens.clinicStaff("some-other-clinic")).contentType(ContentType.JSON).body(srs)
                .post(path).then().statusCode(404).contentType("application/problem+json");
        // a registered therapist who is not this client's, even at the same clinic
        given().auth().oauth2(Tokens.therapist(otherDyadSameClinicIrrelevant.therapistLogin(), dyad.clinicId()))
                .contentType(ContentType.JSON).body(srs).post(path).then().statusCode(404);
        // admins do not enter clinical data
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(srs)
                .post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(srs).post(path).then().statusCode(401);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));

        given().auth().oauth2(dyad.therapistToken()).contentType(ContentType.JSON).body(srs)
                .post(path).then().statusCode(201);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(srs)
                .post(path).then().statusCode(409);
        assertEquals(1, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7]}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,11]}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,8.25]}",
            // more decimals than a double keeps: refused as written, not stored as 8 and 0 (outside probe)
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,8.00000000000000000001]}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,7,1E-400]}",
            "{\"instrument\":\"SRS\",\"answers\":{\"relationship\":7,\"goals\":8,\"approach\":7,\"overall\":1E-400}}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,null,8]}",
            "{\"instrument\":\"SRS\",\"answers\":[7,8,\"x\",8]}",
            "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1]}",
            "{\"instrument\":\"WAI-SR\",\"answers\":[1,2,3,4,5,1,2,3,4,5,1,2.5]}",
            "{\"answers\":[7,8,7,8]}",
            "{\"instrument\":\"SRS\"}",
            "{\"instrument\":\"SRS\",\"answers\":",
            "" })
    void badAnswersAreAProblemAndStoreNothing(String body) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSession(TODAY);

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/" + session + "/feedback")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @Test
    void feedbackForAFutureSessionOrAnUnknownOneIsRefused() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String future = dyad.scheduleSession(TODAY.plusDays(7));
        Map<String, Object> srs = Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9));

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(srs)
                .post("/api/sessions/" + future + "/feedback").then().statusCode(422);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(srs)
                .post("/api/sessions/" + UUID.randomUUID() + "/feedback").then().statusCode(404);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(future)));
    }

    @Test
    void instrumentsArePublishedAsStructureOnly() {
        given().auth().oauth2(Tokens.therapist("anyone", "north")).get("/api/instruments")
                .then().statusCode(200).body("code", hasItems("SRS", "WAI-SR", "ORS"))
                .body("find { it.code == 'WAI-SR' }.items.size()", equalTo(12));
        given().auth().oauth2(Tokens.withoutRole()).get("/api/instruments").then().statusCode(403);
        given().get("/api/instruments").then().statusCode(401);
    }
}
