package org.alliancepulse.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.alliancepulse.testinfra.contract.OperationalEndpointsContract;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    /** The contract paths other tools call are documented; the pages (no API) are not. */
    @Test
    void theContractPathsAreInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/dyads/{clientId}/alliance"))
                .body("paths", hasKey("/api/alerts"))
                .body("paths", hasKey("/api/alerts/{id}"))
                .body("paths", hasKey("/api/alerts/{id}/acknowledge"))
                .body("paths", hasKey("/api/metrics/network"))
                .body("paths", hasKey("/api/metrics/clinics/{id}"))
                .body("paths", hasKey("/api/metrics/therapists/{id}"))
                .body("paths", not(hasKey("/alerts/{id}")))
                // the CSV a caller may ask for is documented (outside probe: only the JSON was)
                .body("paths.'/api/metrics/network'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/metrics/clinics/{id}'.get.responses.'200'.content", hasKey("text/csv"));
    }

    @Test
    void prometheusMetricsCountTheAlertsByKindAndState() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("alliance_pulse_alerts{kind=\"RUPTURE\",status=\"OPEN\"}"))
                .body(containsString("alliance_pulse_alerts{kind=\"DROPOUT_RISK\",status=\"ACKNOWLEDGED\"}"));
    }
}
