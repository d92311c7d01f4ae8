package org.alliancepulse.session.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class FhirExportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void feedbackIsAValidR4QuestionnaireResponseAboutThePseudonymousClient() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        Instant given = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String session = dyad.scheduleSessionAt(given.minus(1, ChronoUnit.HOURS));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(7, 8, 7.5, 8), "givenAt", given.toString()))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201);

        String json = given().auth().oauth2(dyad.therapistTokenOnceKnown())
                .get("/api/sessions/" + session + "/feedback/SRS/fhir").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();

        // strict parsing: every element must be one the R4 model knows, with the right type
        var context = QuestionnaireResponses.context();
        QuestionnaireResponse response = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(QuestionnaireResponse.class, json);
        // and the R4 schema (fhir-single.xsd, from hapi-fhir-validation-resources-r4) accepts it
        FhirValidator validator = context.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        ValidationResult result = validator.validateWithResult(response);
        assertTrue(result.isSuccessful(), result.getMessages().toString());

        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, response.getStatus());
        assertEquals(dyad.clientId().toString(), response.getSubject().getIdentifier().getValue());
        assertEquals(given, response.getAuthored().toInstant());
        assertEquals(List.of("relationship", "goals", "approach", "overall", "scores"),
                response.getItem().stream().map(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId).toList());
        assertEquals(0, new java.math.BigDecimal("7.5").compareTo(
                response.getItem().get(2).getAnswerFirstRep().getValueDecimalType().getValue()));
        assertTrue(json.contains("76.25"), "the alliance index is among the scores");
        assertFalse(json.contains(dyad.clientCode()) || json.contains(dyad.therapistLogin()), "no more than the id");

        // corrected answers are "amended" (outside probe: the export still said "completed")
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("answers", List.of(7, 8, 8, 8))).put("/api/sessions/" + session + "/feedback/SRS")
                .then().statusCode(200);
        QuestionnaireResponse amended = context.newJsonParser().parseResource(QuestionnaireResponse.class,
                given().auth().oauth2(dyad.therapistToken()).get("/api/sessions/" + session + "/feedback/SRS/fhir")
                        .then().statusCode(200).extract().asString());
        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED, amended.getStatus());
    }

    @Test
    void aSchemaViolationIsCaughtByTheValidator() {
        // the guard above can fail: a response without its required status is refused by the R4 schema
        QuestionnaireResponse broken = new QuestionnaireResponse();
        broken.addItem().setLinkId("x");
        FhirValidator validator = QuestionnaireResponses.context().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        assertFalse(validator.validateWithResult(broken).isSuccessful());
    }

    @Test
    void onlyThoseWhoMayReadTheSessionExportIt() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(Instant.now().minus(1, ChronoUnit.HOURS));
        given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "WAI-SR", "answers", List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2)))
                .post("/api/sessions/" + session + "/feedback").then().statusCode(201);
        String path = "/api/sessions/" + session + "/feedback/WAI-SR/fhir";

        given().auth().oauth2(dyad.staffToken()).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.withoutRole()).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(dyad.staffToken()).get("/api/sessions/" + session + "/feedback/SRS/fhir")
                .then().statusCode(404);
    }
}
