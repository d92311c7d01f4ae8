package org.alliancepulse.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.alliancepulse.testinfra.contract.OperationalEndpointsContract;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    /** The contract paths other tools call are documented, with an example body. */
    @Test
    void theContractPathsAreInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/therapists/{id}/notification-preferences"))
                .body("paths", hasKey("/api/notifications"))
                .body("components.schemas.PreferencesView.examples", notNullValue())
                .body("components.schemas.NotificationView.examples", notNullValue());
    }

    @Test
    void prometheusMetricsCountTheDeliveryLogByState() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("alliance_pulse_notification_deliveries{purpose=\"ALERT\",status=\"PENDING\"}"))
                .body(containsString("alliance_pulse_notification_deliveries{purpose=\"ALERT\",status=\"FAILED\"}"))
                // counters exist from the start (0 until the first event), not only after their first event
                .body(containsString("alliance_pulse_notification_emails_total{outcome=\"failed\"}"))
                .body(containsString("alliance_pulse_inbox_dead_lettered_total{topic=\"alliance-alerts\"}"))
                .body(containsString("alliance_pulse_inbox_unknown_types_total{topic=\"intake-events\"}"));
    }
}
