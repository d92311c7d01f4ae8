package org.alliancepulse.intake.security;

import static io.restassured.RestAssured.given;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class SecurityDefaultsTest {

    @Test
    void anEndpointWithoutASecurityRuleAnswersNoOne() {
        given().get("/api/test-only/unannotated").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).get("/api/test-only/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("north")).get("/api/test-only/unannotated").then().statusCode(403);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedOnTheServicesOwnEndpoints() {
        given().auth().oauth2(Tokens.adminForOtherAudience()).contentType("application/json")
                .body("{\"id\":\"aud-test\",\"name\":\"Audience test\"}")
                .post("/api/clinics").then().statusCode(401).contentType("application/problem+json");
    }
}
