package org.alliancepulse.session.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.contracts.intake.ClientReassigned;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.session.fhir.QuestionnaireResponses;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.logging.LogCapture;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A client's whole record here in one answer - sessions, attendance, answers and their corrections - and the answers
 * as one FHIR Bundle (outside probe: only one session's one instrument at a time, and only by its id).
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class ClientRecordTest {

    private static final Instant LAST_WEEK = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theClientsSessionsAnswersAndCorrectionsComeInOneAnswerToThoseWhoMayReadThem() {
        KafkaEvents events = new KafkaEvents(kafka);
        KnownDyad dyad = KnownDyad.announce(events);
        String first = dyad.scheduleSessionAt(LAST_WEEK);
        String second = dyad.scheduleSessionAt(LAST_WEEK.plus(2, ChronoUnit.DAYS));
        String staff = dyad.staffToken();
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("instrument", "SRS", "answers", List.of(3, 8, 7.5, 8))).post("/api/sessions/" + first
                        + "/feedback").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("answers", List.of(9, 8, 7.5, 8)))
                .put("/api/sessions/" + first + "/feedback/SRS").then().statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("instrument", "ORS", "answers", List.of(5, 6, 7, 8))).post("/api/sessions/" + first
                        + "/feedback").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("outcome", "NO_SHOW"))
                .post("/api/sessions/" + second + "/attendance").then().statusCode(200);

        String path = "/api/clients/" + dyad.clientId() + "/sessions";
        String therapist = dyad.therapistTokenOnceKnown(); // which books a session today to find out
        given().auth().oauth2(staff).get(path).then().statusCode(200)
                .body("clientCode", equalTo(dyad.clientCode()))
                .body("sessions.session.id[0]", equalTo(first)).body("sessions.session.id[1]", equalTo(second))
                .body("sessions[0].feedback.instrument", equalTo(List.of("ORS", "SRS")))
                .body("sessions[0].feedback[1].answers[0]", equalTo(9))
                .body("sessions[0].feedback[1].originals[0].answers[0]", equalTo(3))
                .body("sessions[0].feedback[1].originals[0].replacedBy", equalTo("staff-" + dyad.clinicId()))
                .body("sessions[1].session.status", equalTo("NO_SHOW"))
                .body("sessions[1].feedback", hasSize(0));
        given().auth().oauth2(therapist).get(path).then().statusCode(200).body("sessions", hasSize(3));
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200).body("sessions", hasSize(3));

        // not another clinic's staff, not another therapist, not without a token; an unknown client alike, though
        // the operators' security log tells the refusals (who, what) from the unknown id
        try (LogCapture log = LogCapture.start()) {
            given().auth().oauth2(Tokens.clinicStaff("another-clinic")).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.therapist("dr-someone-else", dyad.clinicId())).get(path).then()
                    .statusCode(404);
            given().get(path).then().statusCode(401);
            given().auth().oauth2(staff).get("/api/clients/" + UUID.randomUUID() + "/sessions").then()
                    .statusCode(404);
            List<String> refused = log.linesContaining("event=REFUSED");
            assertEquals(3, refused.size(), refused::toString);
            assertTrue(refused.get(0).contains("status=404 method=GET path=" + path + " user=staff-another-clinic"),
                    refused.get(0));
            assertTrue(refused.get(1).contains("user=dr-someone-else"), refused.get(1));
            assertTrue(refused.get(2).contains("status=401"), refused.get(2));
        }
        given().auth().oauth2(staff).get("/api/clients/not-a-uuid/sessions").then().statusCode(400);

        // after a change of therapist the new one reads the whole course, the former one nothing more (as in intake:
        // a therapist sees the clients assigned to them; outside probe)
        UUID next = UUID.randomUUID();
        String nextLogin = "dr-" + next.toString().substring(0, 8);
        events.publish(new TherapistRegistered(next, dyad.clinicId(), nextLogin, "Dr " + nextLogin,
                nextLogin + "@c.example"));
        events.publish(new ClientReassigned(dyad.clientId(), dyad.clientCode(), dyad.clinicId(), UUID.randomUUID(),
                dyad.therapistId(), next, ClientReassigned.Reason.FIT, Instant.now()));
        // booked by the new therapist: refused (404) until the change of therapist has reached this service
        String third = org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(Tokens.therapist(nextLogin, dyad.clinicId()))
                        .contentType(ContentType.JSON)
                        .body(Map.of("clientId", dyad.clientId(), "scheduledAt", Instant.now().toString()))
                        .post("/api/sessions"), r -> r.statusCode() == 201).path("id");
        given().auth().oauth2(therapist).get(path).then().statusCode(404);
        given().auth().oauth2(therapist).get("/api/sessions/" + first).then().statusCode(404);
        given().auth().oauth2(Tokens.therapist(nextLogin, dyad.clinicId())).get(path).then().statusCode(200)
                .body("sessions", hasSize(4)).body("sessions.session.id[3]", equalTo(third));
        given().auth().oauth2(staff).get(path).then().body("sessions", hasSize(4))
                .body("sessions.session.id[3]", equalTo(third));
    }

    @Test
    void theAnswersAreOneValidR4BundleAboutThePseudonymousClient() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String first = dyad.scheduleSessionAt(LAST_WEEK);
        String second = dyad.scheduleSessionAt(LAST_WEEK.plus(2, ChronoUnit.DAYS));
        for (String session : List.of(first, second)) {
            given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                    .body(Map.of("instrument", "SRS", "answers", List.of(8, 8, 7.5, 8)))
                    .post("/api/sessions/" + session + "/feedback").then().statusCode(201);
        }

        String json = given().auth().oauth2(dyad.staffToken())
                .get("/api/clients/" + dyad.clientId() + "/questionnaire-responses").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        // FHIR's XML, or a page, is not what it gives: a 406, not the JSON all the same (outside probe)
        for (String other : List.of("application/fhir+xml", "application/xml", "text/html")) {
            given().auth().oauth2(dyad.staffToken()).accept(other)
                    .get("/api/clients/" + dyad.clientId() + "/questionnaire-responses").then().statusCode(406)
                    .contentType("application/problem+json");
        }
        var context = QuestionnaireResponses.context();
        Bundle bundle = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, json);
        FhirValidator validator = context.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        var result = validator.validateWithResult(bundle);
        assertTrue(result.isSuccessful(), result.getMessages().toString());
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(2, bundle.getTotal());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            QuestionnaireResponse response = (QuestionnaireResponse) entry.getResource();
            assertEquals(dyad.clientId().toString(), response.getSubject().getIdentifier().getValue());
        }
        assertTrue(!json.contains(dyad.clientCode()) && !json.contains(dyad.therapistLogin()), "ids only");
        given().auth().oauth2(Tokens.clinicStaff("another-clinic"))
                .get("/api/clients/" + dyad.clientId() + "/questionnaire-responses").then().statusCode(404);
    }
}
