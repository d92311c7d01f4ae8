package org.alliancepulse.session.link;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class FeedbackLinkTest {

    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    FeedbackLinkConfig config;

    /** Every test calls from 127.0.0.1; failures of earlier tests must not rate-limit this one. */
    @BeforeEach
    void forgetFailedLookups() throws SQLException {
        execute("DELETE FROM feedback_link_failure");
    }

    @Test
    void aClientAnswersThroughTheLinkWithoutALoginAndTheLinkIsThenUsedUp() throws SQLException {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        Instant before = Instant.now();
        String url = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS", "ORS"))).post("/api/sessions/" + session + "/feedback-links")
                .then().statusCode(201).body("instruments", equalTo(List.of("SRS", "ORS")))
                .extract().path("url");
        String token = tokenOf(url);
        String expiresAt = given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("instruments.code", equalTo(List.of("SRS", "ORS")))
                .body("instruments[0].items.key", equalTo(List.of("relationship", "goals", "approach", "overall")))
                .body("instruments[0].min", equalTo(0)).body("instruments[0].max", equalTo(10))
                .body("instruments[0].step", equalTo(0.1f))
                .body(not(containsString(dyad.clientCode()))).body(not(containsString(dyad.clientId().toString())))
                .extract().path("expiresAt");
        Duration lifetime = Duration.between(before, Instant.parse(expiresAt));
        assertTrue(lifetime.compareTo(Duration.ofHours(72).minusMinutes(1)) > 0
                && lifetime.compareTo(Duration.ofHours(72).plusMinutes(1)) < 0, "72 h by default: " + lifetime);

        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                // an instrument's code in any case is the instrument (outside probe: "ors" was refused here alone)
                .body(Map.of("answers", Map.of("SRS", List.of(9, 9.5, 8, 9), "ors",
                        Map.of("individual", 5, "interpersonal", 6, "social", 7, "overall", 6.5))))
                .post("/api/feedback/" + token).then().statusCode(201);

        assertEquals(2, Feedback.count("sessionId", UUID.fromString(session)));
        assertEquals(FeedbackLinks.CLIENT, Feedback.<Feedback>find("sessionId", UUID.fromString(session))
                .firstResult().enteredBy);
        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.FEEDBACK_SUBMITTED,
                        e -> e.sessionId().toString().equals(session)),
                found -> found.size() == 2);
        assertTrue(events.stream().anyMatch(e -> e.payload().instrument().equals("SRS")
                && e.payload().allianceIndex().doubleValue() == 88.75));
        assertTrue(events.stream().allMatch(e -> FeedbackLinks.CLIENT.equals(e.payload().enteredBy())),
                "answered through the client's own link, never named");
        // the answers say the session took place: announced once, though two instruments were answered (outside
        // probe: twice)
        assertEquals(1, new KafkaEvents(kafka).published(EventTypes.SESSION_ATTENDED,
                e -> e.sessionId().toString().equals(session)).size());

        // used: answering again or even looking is 410, in problem+json
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("answers", Map.of("SRS", List.of(1, 1, 1, 1), "ORS", List.of(1, 1, 1, 1))))
                .post("/api/feedback/" + token).then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("already used"));
        given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(410);
        assertEquals(2, Feedback.count("sessionId", UUID.fromString(session)));
    }

    /** After the right to erasure, a link still in the client's mailbox opens nothing and collects nothing. */
    @Test
    void aClientsErasureEndsTheirLinks() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));
        KnownDyad other = KnownDyad.announce(events);
        String otherToken = tokenOf(issue(other.staffToken(), other.scheduleSessionAt(AN_HOUR_AGO), List.of("SRS")));
        given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(200);

        events.publish(new ClientErased(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().accept(ContentType.JSON)
                .get("/api/feedback/" + token).then().statusCode(404));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9, 9, 9))))
                .post("/api/feedback/" + token).then().statusCode(404);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
        // another client's link is untouched
        given().accept(ContentType.JSON).get("/api/feedback/" + otherToken).then().statusCode(200);
        // and nothing more is recorded about the erased client: no new link, answers, attendance or session
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"))).post("/api/sessions/" + session + "/feedback-links")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("erased"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(409);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(Map.of("outcome", "ATTENDED"))
                .post("/api/sessions/" + session + "/attendance").then().statusCode(409);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", dyad.clientId(), "scheduledAt", AN_HOUR_AGO.toString()))
                .post("/api/sessions").then().statusCode(409);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
        // what was recorded before stays readable, under the pseudonymous ids
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session).then().statusCode(200);
    }

    @Test
    void theTokenIsLongRandomAndStoredOnlyAsItsHash() throws SQLException {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.therapistTokenOnceKnown(), session, List.of("SRS")));

        assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128, token);
        List<String> stored = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT * FROM feedback_link WHERE session_id = ?")) {
            query.setObject(1, UUID.fromString(session));
            var row = query.executeQuery();
            while (row.next()) {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    stored.add(String.valueOf(row.getObject(column)));
                }
            }
        }
        assertTrue(stored.contains(LinkTokens.hash(token)), "the row is keyed by the token's hash");
        assertFalse(stored.stream().anyMatch(value -> value.contains(token)), "the token itself is not stored");
    }

    @Test
    void anExpiredLinkIsGoneAndAnUnknownOneNotFound() throws SQLException {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));
        execute("UPDATE feedback_link SET expires_at = now() - interval '1 second' WHERE token_hash = '"
                + LinkTokens.hash(token) + "'");

        given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("expired"));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9, 9, 9))))
                .post("/api/feedback/" + token).then().statusCode(410);
        given().accept(ContentType.JSON).get("/api/feedback/" + LinkTokens.newToken()).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9, 9, 9))))
                .post("/api/feedback/" + LinkTokens.newToken()).then().statusCode(404);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @Test
    void repeatedFailuresFromOneAddressAreRateLimitedEvenForAValidLink() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String valid = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));

        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < config.maxFailures(); i++) {
                given().accept(ContentType.JSON).get("/api/feedback/" + LinkTokens.newToken()).then().statusCode(404);
            }
            // a security event for monitoring, once, without the address itself (outside probe: no trace)
            List<String> lockedOut = log.linesContaining("its look-ups are refused");
            assertEquals(1, lockedOut.size(), lockedOut::toString);
            assertFalse(lockedOut.get(0).contains("127.0.0.1"), lockedOut.get(0));
        }
        given().accept(ContentType.JSON).get("/api/feedback/" + LinkTokens.newToken()).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json");
        given().accept(ContentType.JSON).get("/api/feedback/" + valid).then().statusCode(429);
        // the form in a browser says the same, with the same Retry-After
        given().accept(ContentType.HTML).get("/api/feedback/" + valid).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).contentType(ContentType.HTML)
                // for a while, not for good (outside probe: "This link cannot be used")
                .body(containsString("Please try again later")).body(not(containsString("cannot be used")));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9, 9, 9))))
                .post("/api/feedback/" + valid).then().statusCode(429);
        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"answers\":{\"SRS\":[9,9,9]}}",
            "{\"answers\":{\"SRS\":[9,9,9,11]}}",
            "{\"answers\":{\"SRS\":[9,9,\"nine\",9]}}",
            "{\"answers\":{\"SRS\":{\"relationship\":9,\"goals\":9,\"approach\":9,\"overall\":9,\"extra\":1}}}",
            "{\"answers\":{\"SRS\":[9,9,9,9],\"ORS\":[9,9,9,9]}}",
            "{\"answers\":{}}",
            "{\"answers\":[9,9,9,9]}",
            "{}",
    })
    void badAnswersThroughALinkAreAProblemNamingTheItemAndLeaveTheLinkOpen(String body) {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));

        given().contentType(ContentType.JSON).body(body).post("/api/feedback/" + token).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("answers"));

        assertEquals(0, Feedback.count("sessionId", UUID.fromString(session)));
        given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(200);
    }

    @Test
    void linksAreIssuedByTheClinicsStaffAndTheSessionsTherapistForKnownInstrumentsOnly() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        KnownDyad other = KnownDyad.announce(events);
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        other.awaitTherapistKnown();
        String path = "/api/sessions/" + session + "/feedback-links";
        Map<String, Object> srs = Map.of("instruments", List.of("SRS"));

        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).contentType(ContentType.JSON).body(srs).post(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist(other.therapistLogin(), dyad.clinicId())).contentType(ContentType.JSON)
                .body(srs).post(path).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(srs).post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(srs).post(path).then().statusCode(401);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("PHQ-9"))).post(path).then().statusCode(400)
                .body("detail", containsString("instruments"));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of())).post(path).then().statusCode(400);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"), "expiresInHours", 0)).post(path).then().statusCode(400);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"), "expiresInHours", 24 * 30)).post(path).then().statusCode(400);
        // the limit named is the one configured (was the annotation's 8760 before the configured 336)
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"), "expiresInHours", 100_000)).post(path).then().statusCode(400)
                .body("detail", containsString("between 1 and " + config.maxLifetime().toHours()));

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"), "expiresInHours", 2)).post(path).then().statusCode(201);
        // an instrument already answered for this session gets no link
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(9, 9, 9, 9)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201);
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(srs).post(path).then().statusCode(409);
    }

    /**
     * A link that can no longer be answered says so when the client opens it, not after the form is filled in
     * (outside probe: the form opened, then the answers were refused in staff wording).
     */
    @Test
    void aLinkThatCanNoLongerBeAnsweredSaysSoWhenOpened() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));

        // the session was a no-show after the link went out
        String missed = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String missedToken = tokenOf(issue(dyad.staffToken(), missed, List.of("SRS")));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON).body(Map.of("outcome", "NO_SHOW"))
                .post("/api/sessions/" + missed + "/attendance").then().statusCode(200);
        given().accept(ContentType.JSON).get("/api/feedback/" + missedToken).then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("did not take place"));

        // two links overlap: the SRS came through the first, the second still asks for the ORS only
        String held = dyad.scheduleSessionAt(AN_HOUR_AGO.minus(2, ChronoUnit.DAYS));
        String srsOnly = tokenOf(issue(dyad.staffToken(), held, List.of("SRS")));
        String both = tokenOf(issue(dyad.staffToken(), held, List.of("ORS", "SRS")));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9, 9, 9))))
                .post("/api/feedback/" + srsOnly).then().statusCode(201);
        given().accept(ContentType.JSON).get("/api/feedback/" + both).then().statusCode(200)
                .body("instruments.code", equalTo(List.of("ORS")));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("ORS", List.of(6, 6, 6, 6))))
                .post("/api/feedback/" + both).then().statusCode(201);
        assertEquals(2, Feedback.count("sessionId", UUID.fromString(held)));

        // everything it asks for was entered by staff meanwhile
        String entered = dyad.scheduleSessionAt(AN_HOUR_AGO.minus(4, ChronoUnit.DAYS));
        String enteredToken = tokenOf(issue(dyad.staffToken(), entered, List.of("SRS")));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(8, 8, 8, 8)))
                .post("/api/sessions/" + entered + "/feedback").then().statusCode(201);
        given().accept(ContentType.JSON).get("/api/feedback/" + enteredToken).then().statusCode(410)
                .body("detail", containsString("already received"));
    }

    /**
     * What the client gave through their link are their ratings of the therapist: the therapist may not correct
     * them (outside probe: the rated therapist replaced them with better ones), the clinic's staff may, and the
     * record says who did.
     */
    /**
     * The form sent several times at once (a double tap): one is taken, the others are told the link was used, as a
     * later one is (outside probe: they were told, as staff are, that PUT corrects answers).
     */
    @Test
    void theFormSentSeveralTimesAtOnceIsTakenOnceAndTheRestAreTold410() throws Exception {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("answers", Map.of("SRS", List.of(8, 8, 8, 8))))
                        .post("/api/feedback/" + token).then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 410, 410, 410, 410, 410), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Feedback.count("sessionId", UUID.fromString(session)));
    }

    @Test
    void onlyTheClinicsStaffCorrectWhatTheClientGaveThroughTheLinkAndTheRecordSaysWho() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(AN_HOUR_AGO);
        String token = tokenOf(issue(dyad.staffToken(), session, List.of("SRS")));
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(3, 9, 9, 9))))
                .post("/api/feedback/" + token).then().statusCode(201);
        String path = "/api/sessions/" + session + "/feedback/SRS";

        given().auth().oauth2(dyad.therapistTokenOnceKnown()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 9, 9, 9))).put(path).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("only the clinic's staff"));
        given().auth().oauth2(dyad.staffToken()).get(path).then().statusCode(200)
                .body("answers[0]", equalTo(3)).body("enteredBy", equalTo(FeedbackLinks.CLIENT))
                .body("originals", org.hamcrest.Matchers.empty());

        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(3.5, 9, 9, 9))).put(path).then().statusCode(200)
                .body("enteredBy", equalTo("staff-" + dyad.clinicId()))
                .body("originals[0].enteredBy", equalTo(FeedbackLinks.CLIENT))
                .body("originals[0].replacedBy", equalTo("staff-" + dyad.clinicId()));
        // once staff entered the correction, the therapist still may not: the answers remain the client's
        given().auth().oauth2(dyad.therapistToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(9, 9, 9, 9))).put(path).then().statusCode(403);
    }

    /**
     * The form, and the page saying a link cannot be used, run only the service's own script and style: no inline
     * ones, which the policy refuses (the form had its script inline and no policy). FeedbackFormBrowserTest shows
     * the form still works under it in a real browser.
     */
    @Test
    void theFormRunsOnlyItsOwnScriptAndStyle() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String token = tokenOf(issue(dyad.staffToken(), dyad.scheduleSessionAt(AN_HOUR_AGO), List.of("SRS")));
        String form = given().accept(ContentType.HTML).get("/api/feedback/" + token).then().statusCode(200)
                .header("Content-Security-Policy", equalTo(ClientFeedbackResource.FORM_POLICY))
                .header("Referrer-Policy", "no-referrer").extract().asString();
        assertTrue(form.contains("<script src=\"../../form/feedback.js\" defer></script>"), form);
        assertFalse(form.contains("<style") || form.contains("style=") || form.contains("<script>")
                || form.matches("(?s).*\\son[a-z]+=.*"), "nothing inline: " + form);
        given().accept(ContentType.HTML).get("/api/feedback/" + LinkTokens.newToken()).then().statusCode(404)
                .header("Content-Security-Policy", equalTo(ClientFeedbackResource.FORM_POLICY));
        // asked for neither JSON nor HTML: a 406, not the form (outside probe)
        given().accept(ContentType.XML).get("/api/feedback/" + token).then().statusCode(406)
                .contentType("application/problem+json");
        assertFalse(ClientFeedbackResource.FORM_POLICY.contains("unsafe"));

        // the relative paths resolve from /api/feedback/{token} to the files; browsers keep them minutes, not a day
        given().get("/form/feedback.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", containsString("max-age=300"))
                .body(containsString("addEventListener('submit'"));
        given().get("/form/feedback.css").then().statusCode(200).contentType(containsString("text/css"))
                .header("X-Content-Type-Options", "nosniff");
        // the icon the client's browser asks for beside the form
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("icon"));
    }

    /** Feedback is given after a session: a link for one that has not begun waits for it, and must outlive it. */
    @Test
    void aLinkForASessionStillToComeMustOutliveItsStartAndOpensOnlyThen() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String nextWeek = dyad.scheduleSessionAt(Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"))).post("/api/sessions/" + nextWeek + "/feedback-links")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("expire before the session begins"));
        assertEquals(0, FeedbackLink.count("sessionId", UUID.fromString(nextWeek)));

        String url = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"), "expiresInHours", 24 * 9))
                .post("/api/sessions/" + nextWeek + "/feedback-links").then().statusCode(201).extract().path("url");
        given().accept(ContentType.JSON).get("/api/feedback/" + tokenOf(url)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("opens when your session"));
    }

    private static String issue(String token, String session, List<String> instruments) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("instruments", instruments))
                .post("/api/sessions/" + session + "/feedback-links").then().statusCode(201).extract().path("url");
    }

    static String tokenOf(String url) {
        assertTrue(url.contains("/api/feedback/"), url);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
