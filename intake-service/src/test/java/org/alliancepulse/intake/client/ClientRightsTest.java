package org.alliancepulse.intake.client;

import static io.restassured.RestAssured.given;
import static org.alliancepulse.intake.IntakeApi.assign;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.ClientErased;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The PHI access audit, and a client's rights of access (export) and erasure. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class ClientRightsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void everyReadAndChangeOfPhiIsAuditedAndAdminsSearchTheAudit() {
        Instant before = Instant.now();
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newFullClient(clinic, "Audun", "Aune", "1975-06-06");
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client).then().statusCode(200);
        assign(clinic, client, therapist).then().statusCode(201);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client + "/match-suggestions")
                .then().statusCode(200);

        given().auth().oauth2(Tokens.admin()).queryParam("clientId", client).get("/api/audit/phi-access")
                .then().statusCode(200).body("total", equalTo(4))
                .body("items.action", equalTo(List.of("MATCH", "ASSIGN", "READ", "REGISTER")))
                .body("items.actor", hasItems("staff-" + clinic))
                .body("items[0].clientId", equalTo(client)).body("items[0].accessedAt", notNullValue());
        given().auth().oauth2(Tokens.admin()).queryParam("clientId", client).queryParam("from", before.toString())
                .queryParam("to", before.toString()).get("/api/audit/phi-access").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.admin()).queryParam("user", "staff-" + clinic)
                .queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/audit/phi-access").then().statusCode(200).body("total", equalTo(4));
        // days, as every other period of the API takes them: from the first day's start to the last day's end (UTC)
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        given().auth().oauth2(Tokens.admin()).queryParam("user", "staff-" + clinic)
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.toString()).get("/api/audit/phi-access").then().statusCode(200)
                .body("total", equalTo(4));
        given().auth().oauth2(Tokens.admin()).queryParam("from", "yesterday").get("/api/audit/phi-access")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.admin()).queryParam("clientId", "abc").get("/api/audit/phi-access")
                .then().statusCode(400).body("violations[0].field", equalTo("clientId"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/audit/phi-access").then().statusCode(403);
    }

    @Test
    void anExportHoldsEverythingIntakeKeepsOnTheClientAndIsAudited() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newFullClient(clinic, "Eira", "Eide", "1985-08-08");
        assign(clinic, client, therapist).then().statusCode(201);

        String exported = given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client + "/export")
                .then().statusCode(200)
                .body("client.firstName", equalTo("Eira")).body("client.dateOfBirth", equalTo("1985-08-08"))
                .body("client.email", equalTo("zz.private.eide@mail.example"))
                .body("client.intakeGoals", equalTo("Freetext-goal-Eide"))
                .body("episodes", hasSize(1)).body("assignments[0].therapistId", equalTo(therapist))
                .body("phiAccess.action", equalTo(List.of("REGISTER", "ASSIGN", "EXPORT")))
                .extract().path("phiAccess[2].accessedAt");
        // the export's own entry reads as the audit keeps it (outside probe: nanoseconds there, microseconds here)
        given().auth().oauth2(Tokens.admin()).queryParam("clientId", client).get("/api/audit/phi-access").then()
                .statusCode(200).body("items.find { it.action == 'EXPORT' }.accessedAt", equalTo(exported));
        given().auth().oauth2(Tokens.admin()).get("/api/clients/" + client + "/export").then().statusCode(200);
        assertEquals(2, PhiAccessLog.count("clientId = ?1 and action = 'EXPORT'", UUID.fromString(client)));
        given().auth().oauth2(Tokens.clinicStaff(IntakeApi.newClinic())).get("/api/clients/" + client + "/export")
                .then().statusCode(404);
    }

    @Test
    void anErasedClientIsAssignedToNobody() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newClient(clinic); // in an open episode, no therapist yet
        given().auth().oauth2(Tokens.admin()).delete("/api/clients/" + client).then().statusCode(204);

        // session-service refuses every booking for an erased client; intake assigned one (a black-box probe)
        assign(clinic, client, therapist).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("erased"));
        assertEquals(0, org.alliancepulse.intake.episode.CareAssignment.count("clientId",
                UUID.fromString(client)));
    }

    /**
     * The right to rectification: a misspelt name, a new phone, a withdrawn consent are corrected by the clinic's
     * staff, checked as at registration, audited, and never become another client of the clinic; nothing of it goes
     * onto Kafka. (Before, a record could not be corrected at all.)
     */
    @Test
    void theClinicsStaffCorrectAClientsRecordAndNothingLeavesIntake() {
        String clinic = IntakeApi.newClinic();
        String client = IntakeApi.newFullClient(clinic, "Sigrid", "Hovlnad", "1982-04-04");
        String other = IntakeApi.newFullClient(clinic, "Sigrid", "Hovland", "1982-04-05");
        String staff = Tokens.clinicStaff(clinic);
        java.util.Map<String, Object> corrected = new java.util.HashMap<>(java.util.Map.of("clinicId", clinic,
                "firstName", "Sigrid", "lastName", "Hovland", "dateOfBirth", "1982-04-04", "phone", "+47 912 00 000",
                "consentToRoutineFeedback", true));

        given().auth().oauth2(staff).contentType("application/json").body(corrected).put("/api/clients/" + client)
                .then().statusCode(200).body("lastName", equalTo("Hovland")).body("phone", equalTo("+47 912 00 000"))
                .body("email", nullValue()).body("consentToContact", equalTo(false))
                .body("consentToRoutineFeedback", equalTo(true)).body("intakeGoals", nullValue());
        assertEquals(1, PhiAccessLog.count("clientId = ?1 and action = 'RECTIFY'", UUID.fromString(client)));

        // another client of the clinic is another person: the correction that would make them one is refused
        corrected.put("dateOfBirth", "1982-04-05");
        given().auth().oauth2(staff).contentType("application/json").body(corrected).put("/api/clients/" + client)
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(other));
        // checked as at registration, nothing stored; the clinic stays
        corrected.put("dateOfBirth", "1982-04-04");
        corrected.put("firstName", "Sig\u202Erid");
        given().auth().oauth2(staff).contentType("application/json").body(corrected).put("/api/clients/" + client)
                .then().statusCode(400).body("violations[0].field", equalTo("firstName"));
        corrected.put("firstName", "Sigrid");
        corrected.put("clinicId", IntakeApi.newClinic());
        given().auth().oauth2(staff).contentType("application/json").body(corrected).put("/api/clients/" + client)
                .then().statusCode(400).body("violations[0].field", equalTo("clinicId"));
        corrected.put("clinicId", clinic);
        // nor born after their care began: assignments and discharges are checked against it (outside probe: a date
        // of birth after the start of care was taken)
        IntakeApi.assign(clinic, client, IntakeApi.newTherapist(clinic), "2026-09-01").then().statusCode(201);
        corrected.put("dateOfBirth", "2026-09-02");
        given().auth().oauth2(staff).contentType("application/json").body(corrected).put("/api/clients/" + client)
                .then().statusCode(400).body("violations[0].field", equalTo("dateOfBirth"))
                .body("detail", org.hamcrest.Matchers.containsString("2026-09-01"));
        Client stored = Client.findById(UUID.fromString(client));
        assertEquals("Hovland", stored.lastName);
        assertEquals("1982-04-04", stored.dateOfBirth.toString());

        // intake announced only the registration: no event carries the corrected name
        var events = new KafkaEvents(kafka).published(EventTypes.CLIENT_REGISTERED,
                e -> e.clientId().toString().equals(client));
        assertEquals(1, events.size());
        assertFalse(events.get(0).record().value().contains("Hovland"), events.get(0).record().value());
    }

    @Test
    void erasureDeletesThePhiKeepsThePseudonymAndIsAnnounced() {
        String clinic = IntakeApi.newClinic();
        String therapist = IntakeApi.newTherapist(clinic);
        String client = IntakeApi.newFullClient(clinic, "Gunnhild", "Grimstad", "1960-09-09");
        assign(clinic, client, therapist).then().statusCode(201);
        String code = given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client)
                .then().extract().path("clientCode");

        given().auth().oauth2(Tokens.clinicStaff(clinic)).delete("/api/clients/" + client).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).delete("/api/clients/" + client).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).delete("/api/clients/" + client).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).delete("/api/clients/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client).then().statusCode(200)
                .body("clientCode", equalTo(code)).body("firstName", nullValue()).body("lastName", nullValue())
                .body("dateOfBirth", nullValue()).body("email", nullValue()).body("phone", nullValue())
                .body("intakeGoals", nullValue()).body("preferences.notes", nullValue())
                .body("preferences.specialties", org.hamcrest.Matchers.empty())
                .body("preferences.modalities", org.hamcrest.Matchers.empty())
                .body("erasedAt", notNullValue()).body("ageBand", org.hamcrest.Matchers.anyOf(equalTo("over-65"), equalTo("56-65")));
        String export = given().auth().oauth2(Tokens.admin()).get("/api/clients/" + client + "/export")
                .then().statusCode(200).extract().asString();
        for (String phi : List.of("Gunnhild", "Grimstad", "1960-09-09", "grimstad@", "999 88 777", "Freetext")) {
            assertFalse(export.contains(phi), "still held after erasure: " + phi);
        }
        Client stored = Client.findById(UUID.fromString(client));
        assertNull(stored.firstName);
        // the open episode ends with the erasure (outside probe: the erased client stayed in care, in the caseload,
        // with open alerts); the care history stays whole
        assertEquals(Client.Status.DISCHARGED, stored.status);
        assertEquals(List.of(UUID.fromString(therapist)), org.alliancepulse.intake.episode.CareAssignment
                .ofClient(UUID.fromString(client)).stream().map(a -> a.therapistId).toList());
        var closed = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.EPISODE_CLOSED,
                        e -> e.clientId().toString().equals(client)),
                found -> !found.isEmpty());
        assertEquals(1, closed.size(), "erasing twice closes once");
        assertEquals(org.alliancepulse.contracts.intake.EpisodeClosed.Ending.ADMINISTRATIVE,
                closed.get(0).payload().ending());
        assertEquals(java.time.LocalDate.now(java.time.ZoneOffset.UTC), closed.get(0).payload().endDate());

        var erased = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.CLIENT_ERASED,
                        e -> e.clientId().toString().equals(client)),
                found -> !found.isEmpty());
        assertEquals(1, erased.size(), "erasing twice announces once");
        ClientErased event = erased.get(0).payload();
        assertEquals(code, event.clientCode());
        assertEquals(clinic, event.clinicId());
        assertEquals(1, PhiAccessLog.count("clientId = ?1 and action = 'ERASE'", UUID.fromString(client)));
    }
}
