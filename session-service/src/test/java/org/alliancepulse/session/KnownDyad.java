package org.alliancepulse.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.intake.ClientAssigned;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.security.Tokens;

import io.restassured.http.ContentType;

/**
 * A client assigned to a therapist, announced on Kafka the way intake-service does, and known to session-service
 * once it has consumed the events.
 */
public record KnownDyad(String clinicId, UUID clientId, String clientCode, UUID therapistId, String therapistLogin) {

    private static final java.util.concurrent.atomic.AtomicInteger PROBES = new java.util.concurrent.atomic.AtomicInteger();

    public static KnownDyad announce(KafkaEvents kafka) {
        String clinic = "c-" + UUID.randomUUID().toString().substring(0, 8);
        UUID therapist = UUID.randomUUID();
        String login = "dr-" + therapist.toString().substring(0, 8);
        UUID client = UUID.randomUUID();
        String code = "C-" + client.toString().substring(0, 6).toUpperCase().replaceAll("[^0-9A-Z]", "X");
        KnownDyad dyad = new KnownDyad(clinic, client, code, therapist, login);
        kafka.publish(new TherapistRegistered(therapist, clinic, login, "Dr " + login, login + "@clinic.example"));
        kafka.publish(new ClientAssigned(client, code, clinic, therapist, Instant.now()));
        return dyad;
    }

    public String staffToken() {
        return Tokens.clinicStaff(clinicId);
    }

    public String therapistToken() {
        return Tokens.therapist(therapistLogin, clinicId);
    }

    /** Schedules a session as staff, waiting until the assignment has reached session-service. */
    public String scheduleSession(LocalDate date) {
        return await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                        .body(Map.of("clientId", clientId, "sessionDate", date.toString()))
                        .post("/api/sessions"),
                response -> response.statusCode() == 201)
                .path("id");
    }

    /** Schedules (or records) a session at a time, as staff, waiting until the assignment has arrived. */
    public String scheduleSessionAt(Instant at) {
        return await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                        .body(Map.of("clientId", clientId, "scheduledAt", at.toString()))
                        .post("/api/sessions"),
                response -> response.statusCode() == 201)
                .path("id");
    }

    /** The therapist's token, once session-service knows the therapist's login. */
    public String therapistTokenOnceKnown() {
        awaitTherapistKnown();
        return therapistToken();
    }

    /** Waits until session-service knows the therapist's login too. */
    public void awaitTherapistKnown() {
        // each try books today, a second later than any try before: one moment is one session of a client
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(therapistToken()).contentType(ContentType.JSON)
                        .body(Map.of("clientId", clientId, "scheduledAt", LocalDate.now().atStartOfDay()
                                .plusSeconds(PROBES.incrementAndGet()).atOffset(ZoneOffset.UTC).toString()))
                        .post("/api/sessions").statusCode() == 201);
    }
}
