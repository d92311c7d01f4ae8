package org.alliancepulse.intake.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class MatchSuggestionsTest {

    @Test
    void suggestsTheClinicsFreeActiveTherapistsByFitAndRanksTheOneLeftForPoorFitLast() {
        String clinic = IntakeApi.newClinic();
        String other = IntakeApi.newClinic();
        String nora = IntakeApi.newTherapist(clinic, "nora-" + clinic, List.of("no", "en"), List.of("anxiety"),
                List.of("CBT"), 10);
        String sara = IntakeApi.newTherapist(clinic, "sara-" + clinic, List.of("en"), List.of("depression"),
                List.of("EFT"), 10);
        String emil = IntakeApi.newTherapist(clinic, "emil-" + clinic, List.of("en"), List.of("anxiety"),
                List.of("EFT"), 10);
        IntakeApi.newTherapist(clinic, "full-" + clinic, List.of("no"), List.of("anxiety"), List.of("CBT"), 0);
        IntakeApi.newTherapist(other, "else-" + clinic, List.of("no"), List.of("anxiety"), List.of("CBT"), 10);
        String client = IntakeApi.newFullClient(clinic, "Siri", "Sand", "1995-01-01"); // no, anxiety, CBT

        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client + "/match-suggestions")
                .then().statusCode(200).body("therapistId", equalTo(List.of(nora, emil, sara)))
                .body("[0].reasons", hasItem("speaks the client's language (no)"))
                .body("[0].reasons", hasItem("specialises in anxiety"));

        IntakeApi.assign(clinic, client, nora).then().statusCode(201);
        IntakeApi.reassign(clinic, client, sara, "FIT").then().statusCode(201);

        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/clients/" + client + "/match-suggestions")
                .then().statusCode(200).body("therapistId", equalTo(List.of(emil, nora)))
                .body("[1].reasons", hasItem("the client left this therapist for poor fit"));
        given().auth().oauth2(Tokens.clinicStaff(other)).get("/api/clients/" + client + "/match-suggestions")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.therapist("sara-" + clinic, clinic))
                .get("/api/clients/" + client + "/match-suggestions").then().statusCode(403);
    }
}
