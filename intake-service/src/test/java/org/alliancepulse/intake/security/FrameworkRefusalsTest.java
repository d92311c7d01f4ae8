package org.alliancepulse.intake.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Refusals the HTTP framework makes before a resource runs are problems in the API's words (a black-box probe read
 * "HTTP 404 Not Found", "No supported MessageBodyReader found" and "did not match the value in @Produces"), and say
 * what to do; the 401 names the scheme.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class FrameworkRefusalsTest {

    @Test
    void eachSaysWhatToDo() {
        String staff = Tokens.clinicStaff("north");
        given().auth().oauth2(staff).get("/api/clients/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("UUID"));
        given().auth().oauth2(staff).contentType("application/json").body("{}")
                .patch("/api/clients/" + UUID.randomUUID()).then().statusCode(405)
                .contentType("application/problem+json").body("detail", containsString("does not take this method"))
                .header("Allow", equalTo("DELETE, GET, HEAD, PUT")); // RFC 9110: the ones it takes
        // a path that exists for another method only is a 405 too, not the framework's 404 (outside probe)
        given().auth().oauth2(staff).get("/api/clients/" + UUID.randomUUID() + "/assignment").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", equalTo("POST"));
        given().auth().oauth2(staff).contentType("text/plain").body("Ingrid Halvorsen").post("/api/clients").then()
                .statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json")).body("detail", not(containsString("Reader")));
        given().auth().oauth2(staff).accept("application/xml").get("/api/clients").then().statusCode(406)
                .contentType("application/problem+json").body("detail", not(containsString("@Produces")));
        // any GET: an export asked for as CSV was answered in JSON all the same (outside probe)
        given().auth().oauth2(staff).accept("text/csv").get("/api/clients/" + UUID.randomUUID() + "/export").then()
                .statusCode(406).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        given().get("/api/clients").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }
}
