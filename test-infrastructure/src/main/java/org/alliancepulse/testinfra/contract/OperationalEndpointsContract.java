package org.alliancepulse.testinfra.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service offers its operators, checked the same way everywhere: extend it in a {@code @QuarkusTest} of
 * the service (with the module's usual test profile).
 */
public abstract class OperationalEndpointsContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void livenessNeedsNoToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsTheBearerToken() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("alliance_pulse_outbox_published"));
    }
}
