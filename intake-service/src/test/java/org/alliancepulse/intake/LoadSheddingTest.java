package org.alliancepulse.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A flood of requests that the service cannot serve in time is refused at once with 503 beyond the platform's bound
 * on waiting requests ({@code quarkus.thread-pool.queue-size}, 512), instead of queueing without limit until the heap
 * runs out (as session-service did at 500 ratings a second); and the service answers again afterwards.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.FourWorkers.class)
class LoadSheddingTest {

    /** Four worker threads, so a test can keep them all busy; the queue's bound is the platform's own. */
    public static class FourWorkers extends RealInfrastructure {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.thread-pool.core-threads", "1");
            overrides.put("quarkus.thread-pool.max-threads", "4");
            return overrides;
        }
    }

    private static final int REQUESTS = 600; // 4 running + 512 waiting + 84 beyond

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @Test
    void beyondTheBoundRequestsAreRefusedAtOnceAndTheServiceAnswersAfterwards() throws Exception {
        String clinic = "shed-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("id", clinic, "name", "Shed"))
                .post("/api/clinics").then().statusCode(201);
        String token = Tokens.admin();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        try (Connection holding = dataSource.getConnection()) {
            holding.setAutoCommit(false);
            // every read of a clinic waits on this lock: the four workers stay busy, what comes next has to wait
            holding.createStatement().execute("LOCK TABLE clinic IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(root + "api/clinics/" + clinic))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
                            if (response.statusCode() == 503) {
                                refused.incrementAndGet();
                            }
                            return response.statusCode();
                        }));
            }
            // while the lock is held nothing can be served: what answers at all is a refusal, given at once
            await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() >= REQUESTS - 4 - 512 - 10);
            long answered = answers.stream().filter(CompletableFuture::isDone).count();
            assertEquals(refused.get(), answered, "nothing but refusals while nothing can be served");
            holding.rollback();
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), "only 200 and 503: " + statuses);
        long served = statuses.stream().filter(s -> s == 200).count();
        assertTrue(served >= 500, "what waited within the bound was served once the lock was gone: " + served);
        given().auth().oauth2(token).get("/api/clinics/" + clinic).then().statusCode(200);
    }
}
