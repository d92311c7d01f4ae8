package org.alliancepulse.analytics.pages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The pages are served without a token (they hold no data: the browser reads the APIs with its own), with their
 * script, the chart library from this service (no CDN) and where to sign in. The browser test with Keycloak is the
 * stack's end-to-end test.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class PagesTest {

    @Test
    void thePagesTheirScriptAndTheChartLibraryAreServedByThisService() {
        given().get("/alerts/" + UUID.randomUUID()).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-page=\"alert\"")).body(containsString("/pages/app.js"))
                .body(containsString("/webjars/echarts/")).body(not(containsString("https://")));
        given().get("/alerts").then().statusCode(200).body(containsString("data-page=\"my-alerts\""));
        given().get("/network").then().statusCode(200).body(containsString("data-page=\"network\""));
        given().get("/pages/app.js").then().statusCode(200).body(containsString("code_challenge_method"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        // the icon every browser asks for (outside probe: a 404 in every page's console)
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("icon"));
        given().get("/pages/config.json").then().statusCode(200).body("clientId", equalTo("alliance-pulse-web"))
                .body("issuer", containsString("/realms/"));
    }

    /**
     * Every answer, the static script, style and chart library and the ops endpoints included, says nosniff and
     * DENY (an outside probe found the scripts without them: static files pass no REST filter); the pages carry a
     * Content-Security-Policy that runs only the service's own scripts; the unversioned script is kept minutes, not
     * a day.
     */
    @Test
    void everyAnswerCarriesTheSecurityHeadersAndThePagesAPolicy() {
        for (String path : new String[] { "/alerts", "/pages/app.js", "/pages/app.css",
                "/webjars/echarts/5.3.1/dist/echarts.min.js", "/q/health", "/q/openapi", "/api/alerts" }) {
            given().get(path).then().header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
        given().get("/network").then().header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", equalTo("no-store"));
        given().get("/pages/app.js").then().header("Cache-Control", containsString("max-age=300"));
        org.junit.jupiter.api.Assertions.assertEquals("https://sso.example:8443",
                PageResource.origin("https://sso.example:8443/realms/alliance-pulse/"));
    }
}
