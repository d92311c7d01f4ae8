package org.alliancepulse.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Other tools call these paths: each request body the API takes is documented with an example. */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class OpenApiExamplesTest {

    @Test
    void everyRequestBodyHasAnExample() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        List<String> withBody = List.of("post /api/clinics", "put /api/clinics/{id}", "post /api/therapists",
                "put /api/therapists/{id}", "post /api/clients", "post /api/clients/{id}/assignment",
                "post /api/clients/{id}/reassignment", "post /api/clients/{id}/discharge");
        for (String operation : withBody) {
            String[] parts = operation.split(" ");
            Map<String, Object> described = paths.get(parts[1]).get(parts[0]);
            assertNotNull(described, operation);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) ((Map<String, Object>) described
                    .get("requestBody")).get("content");
            Object examples = content.values().iterator().next().get("examples");
            assertNotNull(examples, operation + " has no example: " + content);
            assertFalse(((Map<?, ?>) examples).isEmpty(), operation);
        }
    }

    /**
     * The status codes the operations really answer: 201 for a creation, 204 for an erasure, and the problems
     * (400, 404, 409, 503) with their application/problem+json body (they said 200 for every one, and no problem at all).
     */
    @Test
    void theAnswersAreDocumentedWithTheirRealStatusCodes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/clients'.post.responses.'201'.content.'application/json'.schema", notNullValue())
                .body("paths.'/api/clients'.post.responses.'200'", nullValue())
                .body("paths.'/api/clinics'.post.responses.'201'", notNullValue())
                .body("paths.'/api/therapists'.post.responses.'201'", notNullValue())
                .body("paths.'/api/clients/{id}/assignment'.post.responses.'201'", notNullValue())
                .body("paths.'/api/clients/{id}'.delete.responses.'204'", notNullValue())
                .body("paths.'/api/clients/{id}'.delete.responses.'200'", nullValue())
                .body("paths.'/api/clients'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/clients/{id}'.get.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/clients/{id}'.get.responses.'503'", notNullValue())
                // every write can be a 409 (a duplicate, an illegal move, a record created by a racing request)
                .body("paths.'/api/clients'.post.responses.'409'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/clients/{id}/assignment'.post.responses.'409'", notNullValue())
                .body("paths.'/api/clients/{id}'.get.responses.'409'", nullValue())
                // a body over the limit is refused before it is read; an operation without a body cannot meet it
                .body("paths.'/api/clients'.post.responses.'413'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/clients/{id}'.get.responses.'413'", nullValue())
                .body("paths.'/api/clients/{id}'.get.responses.'401'.content.'application/problem+json'",
                        notNullValue())
                .body("components.schemas.Problem.properties.violations.type", equalTo("array"));
    }

    /** A creation asked for a format it cannot answer in is refused before anything is created (was done, then XML). */
    @Test
    void aCreationThatCannotBeAnsweredInTheAskedFormatCreatesNothing() {
        String id = "c-xml-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(org.alliancepulse.testinfra.security.Tokens.admin())
                .contentType(io.restassured.http.ContentType.JSON).accept("application/xml")
                .body(Map.of("id", id, "name", "XML")).post("/api/clinics")
                .then().statusCode(406).contentType("application/problem+json");
        given().auth().oauth2(org.alliancepulse.testinfra.security.Tokens.admin()).get("/api/clinics/" + id)
                .then().statusCode(404);
    }
}
