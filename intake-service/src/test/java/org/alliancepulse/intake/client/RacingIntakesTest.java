package org.alliancepulse.intake.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.intake.IntakeApi;
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
import io.restassured.response.Response;

/** Rules that must hold when requests race, and bad intake fields that must leave no trace, not even on Kafka. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class RacingIntakesTest {

    private static final int RACERS = 4;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void concurrentIntakesOfOnePersonMakeOneClient() throws Exception {
        String clinic = IntakeApi.newClinic();
        Map<String, String> person = Map.of("clinicId", clinic, "firstName", "Vilde", "lastName", "Vik",
                "dateOfBirth", "1992-12-12");

        List<Integer> statuses = race(() -> given().auth().oauth2(Tokens.clinicStaff(clinic))
                .contentType(ContentType.JSON).body(person).post("/api/clients").andReturn());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(RACERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, Client.count("clinicId", clinic));
    }

    @Test
    void concurrentAssignmentsCannotOverfillACaseload() throws Exception {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic, "one-place-" + clinic, List.of("en"), List.of(),
                List.of(), 1);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            clients.add(IntakeApi.newClient(clinic));
        }
        List<Callable<Response>> calls = clients.stream()
                .<Callable<Response>>map(c -> () -> IntakeApi.assign(clinic, c, therapist).andReturn()).toList();

        List<Integer> statuses = race(calls);

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(1, Client.count("therapistId", java.util.UUID.fromString(therapist)));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "\"email\":\"not an address\"|email",
            "\"phone\":\"call me maybe\"|phone",
            "\"preferredLanguage\":\"Norwegian\"|preferredLanguage",
            "\"consentToContact\":\"perhaps\"|consentToContact",
            "\"preferences\":{\"specialties\":[\"\"]}|preferences.specialties" })
    void aBadIntakeFieldIsNamedAndNothingIsStoredOrPublished(String caseSpec) {
        String[] parts = caseSpec.split("\\|");
        String clinic = IntakeApi.newClinic();
        String body = "{\"clinicId\":\"" + clinic + "\",\"firstName\":\"Una\",\"lastName\":\"Utne\","
                + "\"dateOfBirth\":\"1980-01-01\"," + parts[0] + "}";

        Response refused = given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").andReturn();

        refused.then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.startsWith(parts[1]));
        assertEquals(0, Client.count("clinicId", clinic));
        String marker = IntakeApi.newClinic();
        KafkaEvents events = new KafkaEvents(kafka);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !events
                .published(EventTypes.CLINIC_REGISTERED, e -> e.clinicId().equals(marker)).isEmpty());
        assertEquals(0, events.published(EventTypes.CLIENT_REGISTERED, e -> e.clinicId().equals(clinic)).size());
        assertEquals(1, events.readAll(Topics.INTAKE_EVENTS).stream().filter(r -> clinic.equals(r.key())).count(),
                "only the clinic's registration");
    }

    private static List<Integer> race(Callable<Response> call) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            calls.add(call);
        }
        return race(calls);
    }

    private static List<Integer> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (Callable<Response> call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 201) {
                    response.then().contentType("application/problem+json").body("status", equalTo(409));
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
