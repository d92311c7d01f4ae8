package org.alliancepulse.intake.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancepulse.intake.client.Client;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A body over the HTTP limit (1 MB, platform configuration) is a 413 problem, and nothing is stored. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class BodyTooLargeTest {

    @Test
    void aBodyOverTheLimitIsA413ProblemAndStoresNothing() {
        long before = Client.count();
        String name = "a".repeat(1_100_000);
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body("{\"clinicId\":\"north\",\"firstName\":\"" + name + "\",\"lastName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/api/clients").then().statusCode(413).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413))
                .body("detail", containsString("at most 1048576"));
        // whoever asks: the answer does not depend on the token (none here)
        given().contentType(ContentType.JSON).body("{\"x\":\"" + name + "\"}").post("/api/clinics").then()
                .statusCode(413).contentType("application/problem+json");
        assertEquals(before, Client.count());

        // just under the limit the request is read and judged as any other (here: a name too long)
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON)
                .body("{\"clinicId\":\"north\",\"firstName\":\"" + "a".repeat(1000) + "\",\"lastName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}")
                .post("/api/clients").then().statusCode(400).contentType("application/problem+json");
    }
}
