package org.alliancepulse.intake.therapist;

import static io.restassured.RestAssured.given;
import static org.alliancepulse.intake.IntakeApi.assign;
import static org.alliancepulse.intake.IntakeApi.reassign;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.TherapistUpdated;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Therapists' profiles, capacity and who can take a new client. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class TherapistCapacityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void staffUpdateTheirTherapistAndTheWholeNewStateIsAnnounced() {
        String clinic = IntakeApi.newClinic();
        String id = IntakeApi.newTherapist(clinic);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr Okafor", List.of("en", "NO"), 12, true))
                .put("/api/therapists/" + id)
                .then().statusCode(200).body("languages", equalTo(List.of("en", "no")))
                .body("caseloadCapacity", equalTo(12)).body("takesNewClients", equalTo(true));

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.THERAPIST_UPDATED,
                        e -> e.therapistId().toString().equals(id)),
                found -> !found.isEmpty());
        TherapistUpdated updated = events.get(0).payload();
        assertEquals("Dr Okafor", updated.displayName());
        assertEquals(List.of("en", "no"), updated.languages());
        assertEquals(List.of("anxiety"), updated.specialties());
        assertEquals(12, updated.caseloadCapacity());
        assertEquals(id, events.get(0).key(), "keyed by therapist");
    }

    @Test
    void inactiveOrFullTherapistsTakeNoNewClientsAndTheConflictSaysWhy() {
        String clinic = IntakeApi.newClinic();
        String full = IntakeApi.newTherapist(clinic, "full-" + clinic, List.of("en"), List.of(), List.of(), 1);
        String onLeave = IntakeApi.newTherapist(clinic);
        String spare = IntakeApi.newTherapist(clinic);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(update("Dr Leave", List.of("en"), 10, false)).put("/api/therapists/" + onLeave)
                .then().statusCode(200).body("takesNewClients", equalTo(false));
        String first = IntakeApi.newClient(clinic);
        String second = IntakeApi.newClient(clinic);

        assign(clinic, first, full).then().statusCode(201);
        assign(clinic, second, full).then().statusCode(409).body("detail", containsString("caseload is full"));
        assign(clinic, second, onLeave).then().statusCode(409).body("detail", containsString("inactive"));
        assign(clinic, second, spare).then().statusCode(201);
        reassign(clinic, second, full, "CLIENT_REQUEST").then().statusCode(409)
                .body("detail", containsString("caseload is full"));
        reassign(clinic, second, onLeave, "FIT").then().statusCode(409).body("detail", containsString("inactive"));
    }

    @Test
    void listsFilterByActivityLanguageSpecialtyAndFreeCapacity() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String norwegian = IntakeApi.newTherapist(clinic, "no-" + clinic, List.of("no", "en"), List.of("trauma"),
                List.of("EMDR"), 5);
        String english = IntakeApi.newTherapist(clinic, "en-" + clinic, List.of("en"), List.of("anxiety"),
                List.of("CBT"), 0);
        IntakeApi.newTherapist(other);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/therapists")
                .then().statusCode(200).body("", hasSize(2));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("language", "no").get("/api/therapists")
                .then().body("id", equalTo(List.of(norwegian)));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("specialty", "anxiety").get("/api/therapists")
                .then().body("id", equalTo(List.of(english)));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("takesNewClients", true).get("/api/therapists")
                .then().body("id", equalTo(List.of(norwegian)));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("takesNewClients", "maybe").get("/api/therapists")
                .then().statusCode(400).body("violations[0].field", equalTo("takesNewClients"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("clinicId", other).get("/api/therapists")
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(Tokens.admin()).queryParam("clinicId", other).get("/api/therapists")
                .then().statusCode(200).body("", hasSize(1));
        given().auth().oauth2(Tokens.therapist("no-" + clinic, clinic)).get("/api/therapists").then().statusCode(403);
    }

    @Test
    void staffRegisterTherapistsForTheirOwnClinicOnlyAndAnotherClinicsTherapistIsNotFound() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String foreign = IntakeApi.newTherapist(other);
        Map<String, Object> own = Map.of("clinicId", clinic, "username", "own-" + clinic, "displayName", "Dr Own",
                "workEmail", "own@clinic.example");
        Map<String, Object> elsewhere = Map.of("clinicId", other, "username", "else-" + clinic, "displayName", "X",
                "workEmail", "x@clinic.example");

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON).body(own)
                .post("/api/therapists").then().statusCode(201).body("active", equalTo(true))
                .body("caseloadCapacity", equalTo(25));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON).body(elsewhere)
                .post("/api/therapists").then().statusCode(403);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr X", List.of("en"), 3, true)).put("/api/therapists/" + foreign)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/therapists/" + foreign).then().statusCode(404);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/therapists/" + UUID.randomUUID())
                .then().statusCode(404);
        assertEquals(0, Therapist.count("username", "else-" + clinic));
    }

    @Test
    void aBadUpdateNamesTheFieldAndChangesNothing() {
        String clinic = IntakeApi.newClinic();
        String id = IntakeApi.newTherapist(clinic);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr X", List.of("english!"), 3, true)).put("/api/therapists/" + id)
                .then().statusCode(400).body("violations[0].field", containsString("languages"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr X", List.of("en", "xx"), 3, true)).put("/api/therapists/" + id)
                .then().statusCode(400).body("violations[0].field", containsString("languages"));
        // a language without a two-letter code is written with three
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr X", List.of("NO", "fil"), 25, true)).put("/api/therapists/" + id)
                .then().statusCode(200).body("languages", equalTo(List.of("no", "fil")));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(update("Dr X", List.of("en"), -1, true)).put("/api/therapists/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("caseloadCapacity"));

        assertEquals(25, Therapist.<Therapist>findById(UUID.fromString(id)).caseloadCapacity);
    }

    private static Map<String, Object> update(String name, List<String> languages, int capacity, boolean active) {
        return Map.of("displayName", name, "workEmail", "okafor@north.clinic.example", "languages", languages,
                "specialties", List.of("anxiety"), "modalities", List.of("CBT"), "caseloadCapacity", capacity,
                "active", active);
    }
}
