package org.alliancepulse.intake.clinic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.ClinicUpdated;
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
class ClinicRegistrationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void adminRegistersAClinicAndItIsAnnouncedAsACloudEvent() {
        String id = "north-" + UUID.randomUUID().toString().substring(0, 6);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "North Clinic"))
                .when().post("/api/clinics")
                .then().statusCode(201).body("id", equalTo(id)).body("name", equalTo("North Clinic"));

        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.CLINIC_REGISTERED, e -> e.clinicId().equals(id)),
                found -> !found.isEmpty());
        assertEquals(1, events.size(), "exactly one event per registration");
        var event = events.get(0);
        assertEquals(new ClinicRegistered(id, "North Clinic"), event.payload());
        assertEquals(id, event.key());
        assertEquals("1.0", event.header(CloudEventHeaders.SPEC_VERSION));
        assertEquals("org.alliancepulse.intake.clinic-registered.v1", event.header(CloudEventHeaders.TYPE));
        assertEquals("intake-service", event.header(CloudEventHeaders.SOURCE));
        assertEquals(id, event.header(CloudEventHeaders.SUBJECT));
        UUID.fromString(event.header(CloudEventHeaders.ID));
    }

    @Test
    void aClinicCarriesASupervisorAddressForEscalationsAndItsChangesAreAnnounced() {
        String id = "sup-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "South", "supervisorEmail", "lead@south.example"))
                .post("/api/clinics").then().statusCode(201).body("supervisorEmail", equalTo("lead@south.example"));
        given().auth().oauth2(Tokens.clinicStaff(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "South Clinic", "supervisorEmail", "head@south.example"))
                .put("/api/clinics/" + id).then().statusCode(200).body("name", equalTo("South Clinic"));
        given().auth().oauth2(Tokens.clinicStaff(id)).contentType(ContentType.JSON)
                .body(Map.of("name", "South Clinic", "supervisorEmail", "not an address"))
                .put("/api/clinics/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("supervisorEmail"));
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body(Map.of("name", "Taken over")).put("/api/clinics/" + id).then().statusCode(404);

        KafkaEvents events = new KafkaEvents(kafka);
        var registered = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.CLINIC_REGISTERED, e -> e.clinicId().equals(id)),
                found -> !found.isEmpty());
        assertEquals(new ClinicRegistered(id, "South", "lead@south.example"), registered.get(0).payload());
        var updated = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> events.published(EventTypes.CLINIC_UPDATED, e -> e.clinicId().equals(id)),
                found -> !found.isEmpty());
        assertEquals(1, updated.size(), "the refused changes published nothing");
        assertEquals(new ClinicUpdated(id, "South Clinic", "head@south.example"), updated.get(0).payload());
        assertEquals(id, updated.get(0).key());
    }

    @Test
    void theSameClinicCannotBeRegisteredTwice() {
        String id = "twice-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("id", id, "name", "A"))
                .post("/api/clinics").then().statusCode(201);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("id", id, "name", "B"))
                .post("/api/clinics")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        assertEquals("A", ((Clinic) Clinic.findById(id)).name, "the first registration stands");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"id\":\"Not Valid!\",\"name\":\"X\"}",
            // words joined by single dashes (outside probe: "p9-" and "p9--b" were taken)
            "{\"id\":\"bad-\",\"name\":\"X\"}",
            "{\"id\":\"bad--name\",\"name\":\"X\"}",
            // a clinic's name is an email's subject: no line break, control character or direction override
            "{\"id\":\"bad-name\",\"name\":\"Subject\\r\\nBcc: someone@example.org\"}",
            "{\"id\":\"bad-name\",\"name\":\"RTL \\u202e evil \\u0007 bell\"}",
            "{\"id\":\"bad-name\",\"name\":\"\"}",
            "{\"name\":\"no id\"}",
            "{\"id\":\"bad-json\",\"name\":",
            "[1,2,3]",
            "" })
    void badInputIsAProblemAndStoresNothing(String body) {
        long before = Clinic.count();

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/clinics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Invalid request"));

        assertEquals(before, Clinic.count());
        assertNull(Clinic.findById("bad-name"));
    }

    @Test
    void invalidFieldsAreNamed() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", "UPPER", "name", ""))
                .when().post("/api/clinics")
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("id", "name")));
    }

    @Test
    void onlyAdminsRegisterClinics() {
        String body = "{\"id\":\"not-admin\",\"name\":\"X\"}";
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON).body(body)
                .post("/api/clinics").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-x", "north")).contentType(ContentType.JSON).body(body)
                .post("/api/clinics").then().statusCode(403);
        given().auth().oauth2(Tokens.withoutRole()).contentType(ContentType.JSON).body(body)
                .post("/api/clinics").then().statusCode(403);
        assertNull(Clinic.findById("not-admin"));
    }

    @Test
    void refusesMissingAndInvalidTokens() {
        String body = "{\"id\":\"no-token\",\"name\":\"X\"}";
        given().contentType(ContentType.JSON).body(body)
                .post("/api/clinics").then().statusCode(401);
        for (String token : List.of(Tokens.expired("north"), Tokens.fromOtherIssuer("north"),
                Tokens.signedWithOtherKey("north"), "not-a-jwt")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/api/clinics").then().statusCode(401);
        }
        assertNull(Clinic.findById("no-token"));
    }
}
