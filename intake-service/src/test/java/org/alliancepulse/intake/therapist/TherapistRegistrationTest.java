package org.alliancepulse.intake.therapist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class TherapistRegistrationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void adminRegistersATherapistWithTheWorkEmailTheNotificationServiceNeeds() {
        String clinic = IntakeApi.newClinic();

        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "username", "dr-okafor-" + clinic, "displayName", "Dr Okafor",
                        "workEmail", "okafor@north.clinic.example"))
                .when().post("/api/therapists")
                .then().statusCode(201).body("clinicId", equalTo(clinic)).extract().path("id");

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.THERAPIST_REGISTERED,
                        e -> e.therapistId().toString().equals(id)),
                found -> !found.isEmpty());
        assertEquals(new TherapistRegistered(UUID.fromString(id), clinic, "dr-okafor-" + clinic, "Dr Okafor",
                "okafor@north.clinic.example"), events.get(0).payload());
        assertEquals(id, events.get(0).key(), "therapist events are keyed by therapist");
    }

    @Test
    void refusesAnUnknownClinicADuplicateLoginAndABadEmail() {
        String clinic = IntakeApi.newClinic();
        long before = Therapist.count();

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", "no-such-clinic", "username", "dr-nowhere", "displayName", "X",
                        "workEmail", "x@example.org"))
                .post("/api/therapists").then().statusCode(400).body("violations[0].field", equalTo("clinicId"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "username", "dr-bad-email", "displayName", "X",
                        "workEmail", "not an email"))
                .post("/api/therapists").then().statusCode(400).body("violations[0].field", equalTo("workEmail"));
        // the display name greets the therapist in every alert email: written as a name is (outside probe: "X\nY")
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "username", "dr-two-lines", "displayName", "Dr X\nY",
                        "workEmail", "x@example.org"))
                .post("/api/therapists").then().statusCode(400).body("violations[0].field", equalTo("displayName"));
        assertEquals(before, Therapist.count());

        Map<String, String> body = Map.of("clinicId", clinic, "username", "dr-twice-" + clinic, "displayName", "X",
                "workEmail", "x@example.org");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/therapists").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/therapists").then().statusCode(409);
        // logins are the identity provider's, which keeps them in lower case: the same login in capitals is taken
        Map<String, String> shouted = new java.util.HashMap<>(body);
        shouted.put("username", body.get("username").toUpperCase(java.util.Locale.ROOT));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(shouted)
                .post("/api/therapists").then().statusCode(409);
        assertEquals(before + 1, Therapist.count());
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinic, "username", "Dr-Capital-" + clinic, "displayName", "X",
                        "workEmail", "x@example.org"))
                .post("/api/therapists").then().statusCode(201).body("username", equalTo("dr-capital-" + clinic));
    }

    @Test
    void onlyAdminsAndTheClinicsOwnStaffRegisterTherapists() {
        String clinic = IntakeApi.newClinic();
        Map<String, String> body = Map.of("clinicId", clinic, "username", "dr-by-staff", "displayName", "X",
                "workEmail", "x@example.org");
        given().auth().oauth2(Tokens.clinicStaff(IntakeApi.newClinic())).contentType(ContentType.JSON).body(body)
                .post("/api/therapists").then().statusCode(403);
        given().auth().oauth2(Tokens.therapist("dr-self", clinic)).contentType(ContentType.JSON).body(body)
                .post("/api/therapists").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/therapists").then().statusCode(401);
        assertEquals(0, Therapist.count("username", "dr-by-staff"));
    }
}
