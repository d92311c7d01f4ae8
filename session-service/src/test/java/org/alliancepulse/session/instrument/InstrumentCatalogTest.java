package org.alliancepulse.session.instrument;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class InstrumentCatalogTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String definition(String code) {
        return """
                {"code":"%s","name":"Clinic check-in","measures":"ALLIANCE",
                 "items":[{"key":"heard","label":"I felt heard and understood"},{"key":"plan"},{"key":"pace"}],
                 "min":1,"max":7,"decimals":0,
                 "subscales":{"bond":["heard"],"tasks":["plan","pace"]},"index":"LINEAR"}
                """.formatted(code);
    }

    @Test
    void theBuiltInInstrumentsAreDataWithItemKeysRangesSubscalesAndIndexButNoWording() {
        given().auth().oauth2(Tokens.clinicStaff("north")).get("/api/instruments").then().statusCode(200)
                .body("find { it.code == 'SRS' }.items.key", equalTo(List.of("relationship", "goals", "approach", "overall")))
                .body("find { it.code == 'SRS' }.items.label", equalTo(java.util.Arrays.asList(null, null, null, null)))
                .body("find { it.code == 'SRS' }.decimals", equalTo(1))
                .body("find { it.code == 'SRS' }.measures", equalTo("ALLIANCE"))
                .body("find { it.code == 'WAI-SR' }.subscales.tasks", equalTo(List.of("item1", "item2", "item10", "item12")))
                .body("find { it.code == 'ORS' }.measures", equalTo("OUTCOME"))
                .body("find { it.code == 'ORS' }.index", equalTo("NONE"));
    }

    @Test
    void anAdminLoadsTheOrganisationsLicensedWordingWhichTheClientsFormThenShows() {
        // ORS here: the test above shows SRS without wording, and they share one database
        Map<String, Object> wording = Map.of("labels", Map.of("individual", "Me, personally (licensed wording)",
                "social", "Work, school, friendships (licensed wording)"));
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON).body(wording)
                .put("/api/instruments/ORS/wording").then().statusCode(403);
        given().auth().oauth2(Tokens.therapist("anyone", "north")).contentType(ContentType.JSON).body(wording)
                .put("/api/instruments/ORS/wording").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("labels", Map.of("individual", "ok", "mood", "not an ORS item")))
                .put("/api/instruments/ORS/wording").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("labels.mood"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("labels", Map.of("social", " ")))
                .put("/api/instruments/ORS/wording").then().statusCode(400).body("violations.field", hasItem("labels.social"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(wording)
                .put("/api/instruments/NO-SUCH/wording").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("north")).get("/api/instruments").then()
                .body("find { it.code == 'ORS' }.items.label", equalTo(java.util.Arrays.asList(null, null, null, null)));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(wording)
                .put("/api/instruments/ORS/wording").then().statusCode(200)
                .body("items.label", equalTo(java.util.Arrays.asList("Me, personally (licensed wording)", null,
                        "Work, school, friendships (licensed wording)", null)));
        given().auth().oauth2(Tokens.therapist("anyone", "north")).get("/api/instruments").then()
                .body("find { it.code == 'ORS' }.items[0].label", equalTo("Me, personally (licensed wording)"));

        // the client's link shows it: in what to answer, and on the form
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(Instant.now().minus(1, ChronoUnit.HOURS));
        String url = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("ORS")))
                .post("/api/sessions/" + session + "/feedback-links").then().statusCode(201).extract().path("url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        given().accept(ContentType.JSON).get("/api/feedback/" + token).then().statusCode(200)
                .body(containsString("Work, school, friendships (licensed wording)"));
        given().accept(ContentType.HTML).get("/api/feedback/" + token).then().statusCode(200)
                .body(containsString("Me, personally (licensed wording)"))
                .header("X-Frame-Options", "DENY"); // the client's form is framed by no other site

        // an empty map removes it again
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("labels", Map.of()))
                .put("/api/instruments/ORS/wording").then().statusCode(200)
                .body("items.label", equalTo(java.util.Arrays.asList(null, null, null, null)));
    }

    @Test
    void anAdminAddsAnOrganisationsOwnInstrumentWhichIsThenScoredByItsDefinition() {
        String code = "OWN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(definition(code))
                .post("/api/instruments").then().statusCode(201).body("code", equalTo(code))
                .body("builtIn", equalTo(false));
        given().auth().oauth2(Tokens.therapist("anyone", "north")).get("/api/instruments").then()
                .body("code", hasItem(code))
                .body("find { it.code == '" + code + "' }.items[0].label", equalTo("I felt heard and understood"));
        // a second with the same code is a conflict
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(definition(code))
                .post("/api/instruments").then().statusCode(409);

        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(Instant.now().minus(1, ChronoUnit.DAYS));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", code, "answers", Map.of("heard", 7, "plan", 4, "pace", 1)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201)
                .body("total", equalTo(12)).body("subscales.tasks", equalTo(5)).body("allianceIndex", equalTo(50)); // plain: 50, not 50.00
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", code, "answers", List.of(7, 4.5, 1)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(400)
                .body("detail", containsString("whole number"));
        var events = await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(
                () -> new KafkaEvents(kafka).published(EventTypes.FEEDBACK_SUBMITTED,
                        e -> e.sessionId().toString().equals(session)),
                found -> !found.isEmpty());
        FeedbackSubmitted event = events.get(0).payload();
        assertEquals(code, event.instrument());
        assertEquals(0, new BigDecimal("50").compareTo(event.allianceIndex()));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"code\":\"SRS\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[{\"key\":\"a\"}],\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"bad code\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[{\"key\":\"a\"}],\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[],\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[{\"key\":\"a\"}],\"min\":10,\"max\":0,\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[{\"key\":\"a\"}],\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{\"bond\":[\"b\"]},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",\"name\":\"x\",\"measures\":\"SOMETHING\",\"items\":[{\"key\":\"a\"}],\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",\"name\":\"x\",\"measures\":\"ALLIANCE\",\"items\":[{\"key\":\"a\"}],\"min\":0,\"max\":\"ten\",\"decimals\":1,\"subscales\":{},\"index\":\"LINEAR\"}",
            "{\"code\":\"NEW-1\",",
    })
    void invalidDefinitionsAreAProblemNamingTheFieldAndStoreNothing(String body) {
        long before = InstrumentDefinition.count();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).post("/api/instruments")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, InstrumentDefinition.count());
        given().auth().oauth2(Tokens.admin()).get("/api/instruments").then().body("code", not(hasItem("NEW-1")));
    }

    @Test
    void onlyAdminsAddInstrumentsAndEveryStaffRoleReadsThem() {
        given().auth().oauth2(Tokens.clinicStaff("north")).contentType(ContentType.JSON).body(definition("STAFF-1"))
                .post("/api/instruments").then().statusCode(403);
        given().auth().oauth2(Tokens.therapist("anyone", "north")).contentType(ContentType.JSON)
                .body(definition("THERAPIST-1")).post("/api/instruments").then().statusCode(403);
        given().contentType(ContentType.JSON).body(definition("ANON-1")).post("/api/instruments").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).get("/api/instruments").then().statusCode(200);
        given().auth().oauth2(Tokens.withoutRole()).get("/api/instruments").then().statusCode(403);
        given().get("/api/instruments").then().statusCode(401);
    }
}
