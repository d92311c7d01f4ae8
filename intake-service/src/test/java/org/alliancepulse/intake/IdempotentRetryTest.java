package org.alliancepulse.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.idempotency.IdempotentRequests;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A creating POST retried with the same Idempotency-Key gets the first answer and creates nothing twice. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class IdempotentRetryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @Inject
    IdempotentRequests idempotentRequests;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesOneClientAndOneEvent() {
        String clinic = IntakeApi.newClinic();
        String key = UUID.randomUUID().toString();

        Response first = registerClient(clinic, key, "Ingrid");
        Response retry = registerClient(clinic, key, "Ingrid");

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.asString(), retry.asString(), "the same body, so the same client id");
        assertTrue(retry.contentType().startsWith("application/json"), retry.contentType());
        assertNull(first.header(Idempotent.REPLAYED_HEADER));
        assertEquals("true", retry.header(Idempotent.REPLAYED_HEADER));
        assertEquals(1, Client.count("clinicId", clinic));

        String id = first.path("id");
        // where the client is, also on the replay; and it is there
        String location = first.header("Location");
        assertTrue(location != null && location.endsWith("/api/clients/" + id), location);
        assertEquals(location, retry.header("Location"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(location).then().statusCode(200).body("id", equalTo(id));
        awaitEverythingCommittedIsOnKafka();
        assertEquals(1, new KafkaEvents(kafka).published(EventTypes.CLIENT_REGISTERED,
                e -> e.clientId().toString().equals(id)).size());
    }

    @Test
    void theSameKeyForADifferentRequestIsUnprocessableAndCreatesNothing() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String key = UUID.randomUUID().toString();
        String client = registerClient(clinic, key, "Ingrid").then().statusCode(201).extract().path("id");

        registerClient(clinic, key, "Astrid").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422));
        // another endpoint is another request too
        given().auth().oauth2(Tokens.clinicStaff(clinic)).header(Idempotent.HEADER, key)
                .contentType(ContentType.JSON).body(Map.of("therapistId", therapist))
                .post("/api/clients/" + client + "/assignment").then().statusCode(422);

        assertEquals(1, Client.count("clinicId", clinic));
        assertNull(Client.<Client>findById(UUID.fromString(client)).therapistId);
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOnceAndAllGetTheSameAnswer() throws Exception {
        String clinic = IntakeApi.newClinic();
        String key = UUID.randomUUID().toString();
        int requests = 4;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return registerClient(clinic, key, "Ingrid");
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }

            assertTrue(answers.stream().allMatch(a -> a.statusCode() == 201), "all 201");
            assertEquals(1, answers.stream().map(Response::asString).distinct().count(), "all the same body");
            assertEquals(1, answers.stream().filter(a -> a.header(Idempotent.REPLAYED_HEADER) == null).count(),
                    "exactly one request created the client");
            assertEquals(1, Client.count("clinicId", clinic));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysBelongToTheCallerSoTwoUsersMayChooseTheSameOne() {
        String north = IntakeApi.newClinic();
        String south = IntakeApi.newClinic();
        String key = "shared-" + UUID.randomUUID();

        String northClient = registerClient(north, key, "Ingrid").then().statusCode(201).extract().path("id");
        Response southAnswer = registerClient(south, key, "Ingrid");

        assertEquals(201, southAnswer.statusCode(), "not a 422 for someone else's request");
        assertNull(southAnswer.header(Idempotent.REPLAYED_HEADER), "not someone else's answer");
        assertNotEquals(northClient, southAnswer.path("id"));
        assertEquals(northClient, registerClient(north, key, "Ingrid").path("id"));
        assertEquals(1, Client.count("clinicId", north));
        assertEquals(1, Client.count("clinicId", south));
    }

    static Stream<String> badKeys() {
        return Stream.of("", "two words", "k".repeat(Idempotent.MAX_KEY_LENGTH + 1));
    }

    @ParameterizedTest(name = "refuses key \"{0}\"")
    @MethodSource("badKeys")
    void aBlankOrOverlongKeyIsABadRequestAndCreatesNothing(String key) {
        String clinic = IntakeApi.newClinic();

        registerClient(clinic, key, "Ingrid").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo(Idempotent.HEADER));

        assertEquals(0, Client.count("clinicId", clinic));
    }

    @Test
    void aRefusedRequestStoresNoKeySoTheCorrectedRequestMayReuseIt() {
        String clinic = IntakeApi.newClinic();
        String key = UUID.randomUUID().toString();

        given().auth().oauth2(Tokens.clinicStaff(clinic)).header(Idempotent.HEADER, key).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "firstName", "Ingrid", "lastName", "Halvorsen",
                        "dateOfBirth", "2999-01-01"))
                .post("/api/clients").then().statusCode(400);
        Response corrected = registerClient(clinic, key, "Ingrid");

        assertEquals(201, corrected.statusCode());
        assertNull(corrected.header(Idempotent.REPLAYED_HEADER));
        assertEquals(1, Client.count("clinicId", clinic));
    }

    @Test
    void keysAreForgottenAfterTheRetention() throws SQLException {
        String clinic = IntakeApi.newClinic();
        String key = UUID.randomUUID().toString();
        String first = registerClient(clinic, key, "Ingrid").then().statusCode(201).extract().path("id");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE idempotent_request SET created_at = now() - interval '25 hours' "
                                + "WHERE idempotency_key = ?")) {
            age.setString(1, key);
            assertEquals(1, age.executeUpdate());
        }

        idempotentRequests.purge();

        // a forgotten key no longer replays the answer: the request is new, and the duplicate-person rule stops it
        Response later = registerClient(clinic, key, "Ingrid");
        assertEquals(409, later.statusCode());
        assertNull(later.header(Idempotent.REPLAYED_HEADER));
        assertTrue(later.path("detail").toString().contains(first), later.asString());
        assertEquals(1, Client.count("clinicId", clinic));
    }

    @Test
    void aReplayedAnswerIsAuditedAsAReadAndErasureForgetsStoredAnswers() throws SQLException {
        String clinic = IntakeApi.newClinic();
        String key = UUID.randomUUID().toString();
        String client = registerClient(clinic, key, "Ingrid").then().statusCode(201).extract().path("id");
        registerClient(clinic, key, "Ingrid").then().statusCode(201).header(Idempotent.REPLAYED_HEADER, "true");
        assertEquals(1, org.alliancepulse.intake.audit.PhiAccessLog.count("clientId = ?1 and action = 'REPLAY'",
                UUID.fromString(client)), "the replay handed the name out again: audited");
        // by the login, as every other row names the actor (it was the token's subject, which no search by user finds)
        assertEquals(1, org.alliancepulse.intake.audit.PhiAccessLog.count(
                "clientId = ?1 and action = 'REPLAY' and actor = ?2", UUID.fromString(client), "staff-" + clinic));

        given().auth().oauth2(Tokens.admin()).delete("/api/clients/" + client).then().statusCode(204);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement stored = connection.prepareStatement(
                        "SELECT count(*) FROM idempotent_request WHERE strpos(response_body, ?) > 0")) {
            stored.setString(1, client);
            ResultSet count = stored.executeQuery();
            count.next();
            assertEquals(0, count.getInt(1), "no stored answer still holds the erased client");
        }
    }

    @Test
    void openApiDocumentsTheHeaderOnEveryPost() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        // creating POSTs: a dead-letter replay (platform, admins) creates nothing and is safe to repeat as it is
        List<String> posts = paths.entrySet().stream().filter(p -> p.getValue().containsKey("post"))
                .map(Map.Entry::getKey).filter(path -> !path.startsWith("/api/dead-letters")).toList();
        assertEquals(7, posts.size(), posts.toString());
        for (String path : posts) {
            given().get("/q/openapi?format=json").then()
                    .body("paths.'" + path + "'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                            equalTo("header"))
                    .body("paths.'" + path + "'.post.responses.'422'.description", notNullValue());
        }
    }

    private static Response registerClient(String clinic, String key, String firstName) {
        return given().auth().oauth2(Tokens.clinicStaff(clinic)).header(Idempotent.HEADER, key)
                .contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "firstName", firstName, "lastName", "Halvorsen",
                        "dateOfBirth", "1987-03-14"))
                .post("/api/clients");
    }

    /**
     * The relay sends outbox rows in insert order and a batch only after the previous one was acknowledged, so once
     * an event written later is on Kafka, everything committed before it is there too.
     */
    private void awaitEverythingCommittedIsOnKafka() {
        String marker = IntakeApi.newClinic();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.CLINIC_REGISTERED,
                        e -> e.clinicId().equals(marker)),
                found -> !found.isEmpty());
    }
}
