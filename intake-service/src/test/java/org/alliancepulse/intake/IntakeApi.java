package org.alliancepulse.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.testinfra.security.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The intake calls the tests need as set-up, made through the real API. */
public final class IntakeApi {

    private IntakeApi() {
    }

    /** A fresh clinic id, so tests never collide on the shared database. */
    public static String newClinic() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Clinic " + id))
                .post("/api/clinics").then().statusCode(201).header("Location", endsWith("/api/clinics/" + id));
        return id;
    }

    public static String newTherapist(String clinicId) {
        String username = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        var created = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinicId, "username", username, "displayName", "Dr " + username,
                        "workEmail", username + "@clinic.example"))
                .post("/api/therapists").then().statusCode(201).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/therapists/" + id), created.header("Location"));
        return id;
    }

    /** A therapist with a profile; returns the id. The login is {@code username}. */
    public static String newTherapist(String clinicId, String username, List<String> languages,
            List<String> specialties, List<String> modalities, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicId", clinicId);
        body.put("username", username);
        body.put("displayName", "Dr " + username);
        body.put("workEmail", username + "@clinic.example");
        body.put("languages", languages);
        body.put("specialties", specialties);
        body.put("modalities", modalities);
        body.put("caseloadCapacity", capacity);
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/therapists").then().statusCode(201).extract().path("id");
    }

    /** A client of the clinic; each call another person (a random birth date), as a second intake is a 409. */
    public static String newClient(String clinicId) {
        String born = java.time.LocalDate.of(1950, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(365 * 50)).toString();
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("clinicId", clinicId, "firstName", "Ingrid", "lastName", "Halvorsen",
                        "dateOfBirth", born))
                .post("/api/clients").then().statusCode(201).extract().path("id");
    }

    /** A client with every intake field, so PHI in all its forms is there to leak. */
    public static String newFullClient(String clinicId, String firstName, String lastName, String dateOfBirth) {
        Map<String, Object> body = new HashMap<>();
        body.put("clinicId", clinicId);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", dateOfBirth);
        body.put("email", "zz.private." + lastName.toLowerCase() + "@mail.example");
        body.put("phone", "+47 999 88 777");
        body.put("preferredLanguage", "no");
        body.put("consentToRoutineFeedback", true);
        body.put("consentToContact", true);
        body.put("preferences", Map.of("specialties", List.of("anxiety"), "modalities", List.of("CBT"),
                "notes", "Freetext-preference-" + lastName));
        body.put("intakeGoals", "Freetext-goal-" + lastName);
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(201).extract().path("id");
    }

    public static Response assign(String clinicId, String client, String therapist) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist)).post("/api/clients/" + client + "/assignment");
    }

    /** An assignment dated by the day care began (a course entered afterwards). */
    public static Response assign(String clinicId, String client, String therapist, String startDate) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist, "startDate", startDate))
                .post("/api/clients/" + client + "/assignment");
    }

    /** A change of therapist dated by the day the new one took over. */
    public static Response reassign(String clinicId, String client, String therapist, String reason,
            String startDate) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist, "reason", reason, "startDate", startDate))
                .post("/api/clients/" + client + "/reassignment");
    }

    public static Response reassign(String clinicId, String client, String therapist, String reason) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("therapistId", therapist, "reason", reason))
                .post("/api/clients/" + client + "/reassignment");
    }

    public static Response discharge(String clinicId, String client, String ending, String endDate) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).contentType(ContentType.JSON)
                .body(Map.of("ending", ending, "endDate", endDate)).post("/api/clients/" + client + "/discharge");
    }

    public static Response newEpisode(String clinicId, String client) {
        return given().auth().oauth2(Tokens.clinicStaff(clinicId)).post("/api/clients/" + client + "/episodes");
    }
}
