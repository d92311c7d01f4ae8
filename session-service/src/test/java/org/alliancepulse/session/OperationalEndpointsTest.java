package org.alliancepulse.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

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
}
