package org.alliancepulse.intake.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.platform.security.SecurityLog;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Refused requests leave one line each on the security log (who, what, from where), while the caller's answer stays
 * what it was: another clinic's client is still a plain 404. A search's query, which names a person, is never logged.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class SecurityLogTest {

    @Test
    void aRefusedTokenIsLoggedWithoutTheToken() {
        String expired = Tokens.expired("north");
        try (LogCapture log = LogCapture.start()) {
            given().get("/api/clients").then().statusCode(401).header("WWW-Authenticate", "Bearer");
            // RFC 6750: a token given and refused is an invalid_token, to be fetched anew
            given().auth().oauth2(expired).get("/api/clients").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");

            List<String> lines = log.linesContaining("event=REFUSED");
            assertEquals(2, lines.size(), lines::toString);
            assertTrue(lines.get(0).startsWith(SecurityLog.CATEGORY), lines.get(0));
            assertTrue(lines.get(0).contains("status=401 method=GET path=/api/clients"), lines.get(0));
            assertTrue(lines.get(0).contains("no token"), lines.get(0));
            assertTrue(lines.get(1).contains("token not accepted"), lines.get(1));
            assertFalse(lines.get(1).contains(expired.substring(expired.length() - 20)), "the token is never logged");
        }
    }

    @Test
    void anotherClinicsClientIsAPlainNotFoundForTheCallerAndARefusalInTheLog() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String client = IntakeApi.newClient(clinic);
        String unknown = UUID.randomUUID().toString();

        try (LogCapture log = LogCapture.start()) {
            String theirs = given().auth().oauth2(Tokens.clinicStaff(other)).get("/api/clients/" + client).then()
                    .statusCode(404).extract().body().asString();
            String none = given().auth().oauth2(Tokens.clinicStaff(other)).get("/api/clients/" + unknown).then()
                    .statusCode(404).extract().body().asString();
            assertEquals(none, theirs, "the caller cannot tell another clinic's client from no client");

            List<String> lines = log.linesContaining("event=REFUSED");
            assertEquals(1, lines.size(), "only the other clinic's client is a refusal: " + lines);
            assertTrue(lines.get(0).contains("status=404 method=GET path=/api/clients/" + client
                    + " user=staff-" + other + " roles=clinic-staff clinic=" + other), lines.get(0));
            assertTrue(lines.get(0).contains("from=127.0.0.1"), lines.get(0));
        }
    }

    @Test
    void aRoleRefusalIsLoggedWithoutTheSearchThatNamesAPerson() {
        String clinic = IntakeApi.newClinic();
        String login = "dr-log-" + clinic;
        IntakeApi.newTherapist(clinic, login, List.of("no"), List.of(), List.of(), 10);

        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(Tokens.therapist(login, clinic)).queryParam("name", "Halvorsen")
                    .queryParam("dateOfBirth", "1987-03-14").get("/api/clients").then().statusCode(403);
            given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType("application/json")
                    .body("{\"id\":\"west\",\"name\":\"West\"}").post("/api/clinics").then().statusCode(403);

            List<String> lines = log.linesContaining("event=REFUSED");
            assertEquals(2, lines.size(), lines::toString);
            assertTrue(lines.get(0).contains("status=403 method=GET path=/api/clients user=" + login
                    + " roles=therapist clinic=" + clinic), lines.get(0));
            assertFalse(lines.get(0).contains("Halvorsen") || lines.get(0).contains("1987"), lines.get(0));
            assertTrue(lines.get(1).contains("status=403 method=POST path=/api/clinics user=staff-" + clinic),
                    lines.get(1));
        }
    }
}
