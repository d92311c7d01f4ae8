package org.alliancepulse.intake.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Concurrent writers on one client: one wins, the others get a 409, and Kafka hears of the winner only. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class ConcurrentAssignmentTest {

    private static final int WRITERS = 6;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void concurrentAssignmentsOfOneClientMakeOneAssignmentAndOneEvent() throws Exception {
        String clinic = IntakeApi.newClinic();
        String client = IntakeApi.newClient(clinic);
        List<String> therapists = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            therapists.add(IntakeApi.newTherapist(clinic));
        }
        String staff = Tokens.clinicStaff(clinic);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String therapist : therapists) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(staff).contentType(ContentType.JSON)
                            .body(Map.of("therapistId", therapist))
                            .post("/api/clients/" + client + "/assignment").andReturn();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 201) {
                    assertEquals("application/problem+json", response.contentType(), response.asString());
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one wins: " + statuses);
            assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 409).count(), "the others: " + statuses);
        } finally {
            pool.shutdownNow();
        }

        String winner = given().auth().oauth2(staff).get("/api/clients/" + client).then().statusCode(200)
                .extract().path("therapistId");
        // the registration of a later client, published after all of this, bounds the wait for stragglers
        String later = IntakeApi.newClient(clinic);
        KafkaEvents events = new KafkaEvents(kafka);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> !events
                .published(EventTypes.CLIENT_REGISTERED, e -> e.clientId().toString().equals(later)).isEmpty());
        var assigned = events.published(EventTypes.CLIENT_ASSIGNED, e -> e.clientId().toString().equals(client));
        assertEquals(1, assigned.size(), "one ClientAssigned for one assignment");
        assertEquals(UUID.fromString(winner), assigned.get(0).payload().therapistId(),
                "the event announces the assignment that was stored");
    }
}
