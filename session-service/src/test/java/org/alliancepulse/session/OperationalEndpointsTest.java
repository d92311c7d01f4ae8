package org.alliancepulse.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancepulse.testinfra.contract.OperationalEndpointsContract;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    /** The client's link answers 409 before the session, 410 once it cannot be used, 429 when guessed at (outside probe). */
    @Test
    void theClientsLinkDocumentsItsRefusals() {
        String link = "paths.'/api/feedback/{token}'";
        var openApi = given().get("/q/openapi?format=json").then().statusCode(200);
        for (String code : new String[] { "409", "410", "429" }) {
            openApi.body(link + ".get.responses", hasKey(code));
        }
        openApi.body(link + ".post.responses", hasKey("410")).body(link + ".post.responses", hasKey("429"));
    }

    /**
     * A feedback link's token is a key to the client's form: a request with the wrong method or body must not leave
     * it on the open /q/metrics, nor grow the registry by a series per path (outside probe: a DELETE on a link's
     * path did both).
     */
    @Test
    void aLinksTokenNeverBecomesAMetricsLabel() {
        String token = "probe" + java.util.UUID.randomUUID().toString().replace("-", "");
        given().delete("/api/feedback/" + token).then().statusCode(405);
        // with an encoded slash in it too (the router sees one segment, a decoded path two; outside probe)
        given().urlEncodingEnabled(false).delete("/api/feedback/" + token + "%2Fx").then().statusCode(405);
        given().put("/api/feedback/" + token).then().statusCode(405);
        given().contentType("text/plain").body("x").post("/api/feedback/" + token).then().statusCode(415);
        given().accept("application/xml").get("/api/feedback/" + token).then().statusCode(406);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(token), "the token is a label on /q/metrics");
        assertTrue(metrics.contains("method=\"DELETE\"") && metrics.contains("uri=\"/api/feedback/{token}\""),
                "the refused requests are counted under the path's template");
    }
}
