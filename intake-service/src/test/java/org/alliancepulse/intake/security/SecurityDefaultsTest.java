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

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void anEndpointWithoutASecurityRuleAnswersNoOne() {
        given().get("/api/test-only/unannotated").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).get("/api/test-only/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("north")).get("/api/test-only/unannotated").then().statusCode(403);
    }

    @Test
    void databaseErrorsNeverQuoteTheRowsValues() throws java.sql.SQLException {
        String secret = "Halvorsen-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(
                "INSERT INTO client (id, clinic_id, client_code, first_name, last_name, date_of_birth, registered_at) "
                        + "VALUES (?, 'no-such-clinic', 'C-ERRORS', NULL, ?, DATE '1987-03-14', now())")) {
            insert.setObject(1, java.util.UUID.randomUUID());
            insert.setString(2, secret);
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    insert::executeUpdate);
            StringBuilder everything = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                everything.append(t).append('\n');
            }
            org.junit.jupiter.api.Assertions.assertFalse(everything.toString().contains(secret),
                    "the error quotes the row: " + everything);
            org.junit.jupiter.api.Assertions.assertFalse(everything.toString().contains("1987"), everything.toString());
        }
        // nor does the server's own log: its DETAIL line would ("Failing row contains ...")
        try (var connection = dataSource.getConnection(); var show = connection.createStatement();
                var setting = show.executeQuery("SHOW log_error_verbosity")) {
            setting.next();
            org.junit.jupiter.api.Assertions.assertEquals("terse", setting.getString(1));
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedOnTheServicesOwnEndpoints() {
        given().auth().oauth2(Tokens.adminForOtherAudience()).contentType("application/json")
                .body("{\"id\":\"aud-test\",\"name\":\"Audience test\"}")
                .post("/api/clinics").then().statusCode(401).contentType("application/problem+json");
    }
}
