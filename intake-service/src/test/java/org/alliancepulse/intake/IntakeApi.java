package org.alliancepulse.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.alliancepulse.testinfra.security.Tokens;

import io.restassured.http.ContentType;

/** The intake calls the tests need as set-up, made through the real API. */
public final class IntakeApi {

    private IntakeApi() {
    }

    /** A fresh clinic id, so tests never collide on the shared database. */
    public static String newClinic() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Clinic " + id))
                .post("/api/clinics").then().statusCode(201);
        return id;
    }

    public static String newTherapist(String clinicId) {
        String username = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinicId, "username", username, "displayName", "Dr " + username,
                        "workEmail", username + "@clinic.example"))
                .post("/api/therapists").then().statusCode(201).extract().path("id");
    }

    public static String newClient(String clinicId) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinicId, "firstName", "Ingrid", "lastName", "Halvorsen",
                        "dateOfBirth", "1987-03-14"))
                .post("/api/clients").then().statusCode(201).extract().path("id");
    }
}
