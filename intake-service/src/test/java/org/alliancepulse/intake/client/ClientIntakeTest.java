package org.alliancepulse.intake.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.intake.audit.PhiAccessLog;
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
class ClientIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void staffRegisterAClientAndOnlyAPseudonymLeavesTheService() {
        String clinic = IntakeApi.newClinic();

        String id = given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "firstName", "Ingrid", "lastName", "Halvorsen",
                        "dateOfBirth", "1987-03-14"))
                .when().post("/api/clients")
                .then().statusCode(201)
                .body("clientCode", matchesPattern("C-[2-9A-HJ-NP-Z]{6}"))
                .body("firstName", equalTo("Ingrid"))
                .extract().path("id");

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.CLIENT_REGISTERED,
                        e -> e.clientId().toString().equals(id)),
                found -> !found.isEmpty());
        var event = events.get(0);
        assertEquals(clinic, event.payload().clinicId());
        assertTrue(List.of("36-45", "26-35").contains(event.payload().ageBand()), "age band from 1987-03-14");
        assertEquals(id, event.key());
        String onTheWire = event.record().value();
        for (String phi : List.of("Ingrid", "Halvorsen", "1987")) {
            assertFalse(onTheWire.contains(phi), "PHI on Kafka: " + phi);
        }
        assertEquals(1, PhiAccessLog.count("clientId = ?1 and action = 'REGISTER'", UUID.fromString(id)));
    }

    @Test
    void staffReadTheirOwnClinicsClientsAndTheReadIsAudited() {
        String clinic = IntakeApi.newClinic();
        String id = IntakeApi.newClient(clinic);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + id)
                .then().statusCode(200).body("lastName", equalTo("Halvorsen"))
                // PHI is kept by no browser or proxy, and never read as anything but JSON
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        assertEquals(1, PhiAccessLog.count("clientId = ?1 and action = 'READ'", UUID.fromString(id)));
    }

    @Test
    void anotherClinicsStaffTherapistsAndAdminsCannotRegisterOrReadClients() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String id = IntakeApi.newClient(clinic);
        long before = Client.count();
        Map<String, String> body = Map.of("clinicId", clinic, "firstName", "A", "lastName", "B",
                "dateOfBirth", "1990-01-01");

        given().auth().oauth2(Tokens.clinicStaff(other)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-a", clinic)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/clients").then().statusCode(401);
        assertEquals(before, Client.count());

        // another clinic's client does not exist for them; nor does a client who is not theirs for a therapist
        given().auth().oauth2(Tokens.clinicStaff(other)).get("/api/clients/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-a", clinic)).get("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/clients/" + id).then().statusCode(403);
        given().get("/api/clients/" + id).then().statusCode(401);
        assertEquals(0, PhiAccessLog.count("clientId = ?1 and action = 'READ'", UUID.fromString(id)));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"2999-01-01\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"14.03.1987\"}",
            "{\"firstName\":\"\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-02-30\"}",
            // a year the database cannot store (once a 500 that logged the date) and one no client has
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"-99999-06-15\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1899-12-31\"}",
            // a wrong JSON type is refused, not converted (12345 was read as a day count: 2003-10-20)
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":12345}",
            "{\"firstName\":7,\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\",\"consentToContact\":\"yes\"}",
            // text the database cannot store (a NUL character): a 400, not a 500
            "{\"firstName\":\"A\\u0000B\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\",\"intakeGoals\":\"x\\u0000\"}",
            // a language ISO 639 does not have (outside probe: "xx" was taken)
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\",\"preferredLanguage\":\"xx\"}",
            // a name as it is written: no line break, tab, direction override or zero-width space (outside probe)
            "{\"firstName\":\"Line\\nbreak\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\",\"lastName\":\"Tab\\tB\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"\\u202eRTL\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\\u200b\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            // nor any other invisible mark: a soft hyphen, a word joiner, a direction mark, a line separator, and no
            // half of a surrogate pair (stored as "?": the record read back was not the one answered; outside probe)
            "{\"firstName\":\"Condi\\u00adtion\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"Jos\\u00e9\\u2060\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"Condition\\u200e\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\\u061cB\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\\u2028B\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\\ud800B\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\"}",
            "{\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1987-03-14\",\"intakeGoals\":\"x\\udc00\"}" })
    void badInputIsAProblemAndStoresNothing(String fields) {
        String clinic = IntakeApi.newClinic();
        String body = fields.replaceFirst("\\{", "{\"clinicId\":\"" + clinic + "\",");

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON).body(body)
                .post("/api/clients")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        assertEquals(0, Client.count("clinicId", clinic));
    }

    /** Names as people write them: accents, apostrophes, other scripts, and the joiner Persian spelling needs. */
    @ParameterizedTest(name = "takes {0}")
    @ValueSource(strings = { "Zoë", "O'Brien-Ó", "Ngũgĩ wa", "王 秀英", "Σοφία", "\u0645\u0647\u200c\u0633\u0627" })
    void namesAsPeopleWriteThemAreTaken(String name) {
        String clinic = IntakeApi.newClinic();
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "firstName", name, "lastName", name, "dateOfBirth", "1987-03-14"))
                .post("/api/clients").then().statusCode(201).body("firstName", equalTo(name));
    }

    /** An empty email or phone is none, alike (outside probe: one was taken as none, the other refused). */
    @Test
    void anEmptyEmailOrPhoneIsNone() {
        String clinic = IntakeApi.newClinic();
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "firstName", "Eli", "lastName", "Empty", "dateOfBirth", "1987-03-14",
                        "email", "", "phone", ""))
                .post("/api/clients").then().statusCode(201)
                .body("email", org.hamcrest.Matchers.nullValue()).body("phone", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownClientIdsAreNotFoundAndMalformedOnesAreBadRequests() {
        String clinic = IntakeApi.newClinic();
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void staffAssignAClientToATherapistOfTheirClinic() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist))
                .when().post("/api/clients/" + client + "/assignment")
                .then().statusCode(201).body("therapistId", equalTo(therapist));

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.CLIENT_ASSIGNED,
                        e -> e.clientId().toString().equals(client)),
                found -> !found.isEmpty());
        var assigned = events.get(0).payload();
        assertEquals(therapist, assigned.therapistId().toString());
        assertEquals(clinic, assigned.clinicId());
        assertEquals(client, events.get(0).key());

        // per-key order: the client's registration precedes its assignment on the topic
        var clientEvents = new KafkaEvents(kafka).readAll(Topics.INTAKE_EVENTS).stream()
                .filter(r -> client.equals(r.key())).map(r -> KafkaEvents.header(r, "ce_type")).toList();
        assertEquals(List.of(EventTypes.CLIENT_REGISTERED.type(), EventTypes.CLIENT_ASSIGNED.type()), clientEvents);
    }

    @Test
    void assignmentRulesHoldAndRefusalsStoreNothing() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String foreignTherapist = IntakeApi.newTherapist(other);
        String client = IntakeApi.newClient(clinic);
        String path = "/api/clients/" + client + "/assignment";

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", foreignTherapist)).post(path)
                .then().statusCode(400).body("violations[0].field", equalTo("therapistId"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", "not-a-uuid")).post(path).then().statusCode(400);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body("{}").post(path).then().statusCode(400);
        given().auth().oauth2(Tokens.clinicStaff(other)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist)).post(path).then().statusCode(404);
        given().auth().oauth2(Tokens.therapist("dr-x", clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist)).post(path).then().statusCode(403);
        Client stored = Client.findById(UUID.fromString(client));
        assertTrue(stored.therapistId == null, "no refused assignment was stored");

        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist)).post(path).then().statusCode(201);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist)).post(path).then().statusCode(409);
    }
}
