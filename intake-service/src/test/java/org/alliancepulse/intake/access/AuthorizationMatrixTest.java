package org.alliancepulse.intake.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.alliancepulse.intake.IntakeApi;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Role × own or other clinic × endpoint. Another clinic's client, therapist or clinic is a 404 exactly like one that
 * does not exist, as is a client who is not the calling therapist's; a role the endpoint does not serve is a 403; no
 * token is a 401. "ok" means the caller got past authorisation: a 2xx, or a 409 about the client's state. Each cell
 * runs on fresh records, so an allowed change in one cell cannot hide a refusal in another.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class AuthorizationMatrixTest {

    enum Who { ADMIN, STAFF_OWN, STAFF_OTHER, THERAPIST_OF_CLIENT, OTHER_THERAPIST, ANONYMOUS }

    /** A clinic with a client assigned to a therapist, a second therapist there, and another clinic. */
    record World(String clinic, String otherClinic, String client, String therapist, String therapistLogin,
            String secondTherapist, String secondLogin) {

        static World create() {
            String clinic = IntakeApi.newClinic();
            String otherClinic = IntakeApi.newClinic();
            String login = "t-" + UUID.randomUUID().toString().substring(0, 8);
            String second = "t-" + UUID.randomUUID().toString().substring(0, 8);
            String therapist = IntakeApi.newTherapist(clinic, login, List.of("en"), List.of(), List.of(), 10);
            String secondTherapist = IntakeApi.newTherapist(clinic, second, List.of("en"), List.of(), List.of(), 10);
            String client = IntakeApi.newFullClient(clinic, "Matrix", "M" + UUID.randomUUID().toString()
                    .substring(0, 6).replaceAll("[0-9-]", "x"), "1980-01-01");
            IntakeApi.assign(clinic, client, therapist).then().statusCode(201);
            return new World(clinic, otherClinic, client, therapist, login, secondTherapist, second);
        }

        RequestSpecification as(Who who) {
            RequestSpecification request = given().contentType(ContentType.JSON);
            return switch (who) {
                case ADMIN -> request.auth().oauth2(Tokens.admin());
                case STAFF_OWN -> request.auth().oauth2(Tokens.clinicStaff(clinic));
                case STAFF_OTHER -> request.auth().oauth2(Tokens.clinicStaff(otherClinic));
                case THERAPIST_OF_CLIENT -> request.auth().oauth2(Tokens.therapist(therapistLogin, clinic));
                case OTHER_THERAPIST -> request.auth().oauth2(Tokens.therapist(secondLogin, clinic));
                case ANONYMOUS -> request;
            };
        }
    }

    interface Call {
        Response send(World w, RequestSpecification request);
    }

    record Endpoint(String name, Call call, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/clients/{id}", (w, r) -> r.get("/api/clients/" + w.client()),
                    "403 ok 404 ok 404 401"),
            new Endpoint("GET /api/clients", (w, r) -> r.get("/api/clients"), "403 ok ok ok ok 401"),
            new Endpoint("POST /api/clients", (w, r) -> r.body(Map.of("clinicId", w.clinic(), "firstName", "New",
                    "lastName", "Person", "dateOfBirth", "1999-09-09")).post("/api/clients"),
                    "403 ok 403 403 403 401"),
            new Endpoint("PUT /api/clients/{id}", (w, r) -> r.body(Map.of("clinicId", w.clinic(), "firstName",
                    "Matrix", "lastName", "Corrected", "dateOfBirth", "1980-01-01")).put("/api/clients/" + w.client()),
                    "403 ok 404 403 403 401"),
            new Endpoint("GET /api/clients/{id}/export", (w, r) -> r.get("/api/clients/" + w.client() + "/export"),
                    "ok ok 404 403 403 401"),
            new Endpoint("DELETE /api/clients/{id}", (w, r) -> r.delete("/api/clients/" + w.client()),
                    "ok 403 403 403 403 401"),
            new Endpoint("POST /api/clients/{id}/assignment", (w, r) -> r.body(Map.of("therapistId",
                    w.secondTherapist())).post("/api/clients/" + w.client() + "/assignment"),
                    "403 ok 404 403 403 401"),
            new Endpoint("POST /api/clients/{id}/reassignment", (w, r) -> r.body(Map.of("therapistId",
                    w.secondTherapist(), "reason", "FIT")).post("/api/clients/" + w.client() + "/reassignment"),
                    "403 ok 404 403 403 401"),
            new Endpoint("POST /api/clients/{id}/discharge", (w, r) -> r.body(Map.of("ending", "PLANNED",
                    "endDate", "2026-01-01")).post("/api/clients/" + w.client() + "/discharge"),
                    "403 ok 404 403 403 401"),
            new Endpoint("POST /api/clients/{id}/episodes", (w, r) -> r.post("/api/clients/" + w.client()
                    + "/episodes"), "403 ok 404 403 403 401"),
            new Endpoint("GET /api/clients/{id}/episodes", (w, r) -> r.get("/api/clients/" + w.client()
                    + "/episodes"), "403 ok 404 403 403 401"),
            new Endpoint("GET /api/clients/{id}/match-suggestions", (w, r) -> r.get("/api/clients/" + w.client()
                    + "/match-suggestions"), "403 ok 404 403 403 401"),
            new Endpoint("POST /api/therapists", (w, r) -> r.body(Map.of("clinicId", w.clinic(), "username",
                    "new-" + w.therapistLogin(), "displayName", "Dr New", "workEmail", "new@clinic.example"))
                    .post("/api/therapists"), "ok ok 403 403 403 401"),
            new Endpoint("PUT /api/therapists/{id}", (w, r) -> r.body(Map.of("displayName", "Dr T", "workEmail",
                    "t@clinic.example", "languages", List.of("en"), "specialties", List.of(), "modalities",
                    List.of(), "caseloadCapacity", 10, "active", true)).put("/api/therapists/" + w.therapist()),
                    "ok ok 404 403 403 401"),
            new Endpoint("GET /api/therapists/{id}", (w, r) -> r.get("/api/therapists/" + w.therapist()),
                    "ok ok 404 403 403 401"),
            new Endpoint("GET /api/therapists", (w, r) -> r.get("/api/therapists"), "ok ok ok 403 403 401"),
            new Endpoint("POST /api/clinics", (w, r) -> r.body(Map.of("id", "n" + w.clinic(), "name", "N"))
                    .post("/api/clinics"), "ok 403 403 403 403 401"),
            new Endpoint("PUT /api/clinics/{id}", (w, r) -> r.body(Map.of("name", "Renamed", "supervisorEmail",
                    "sup@clinic.example")).put("/api/clinics/" + w.clinic()), "ok ok 404 403 403 401"),
            new Endpoint("GET /api/clinics/{id}", (w, r) -> r.get("/api/clinics/" + w.clinic()),
                    "ok ok 404 403 403 401"),
            new Endpoint("GET /api/audit/phi-access", (w, r) -> r.get("/api/audit/phi-access"),
                    "ok 403 403 403 403 401"));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            String[] expected = endpoint.expected().split(" ");
            for (Who who : Who.values()) {
                cells.add(Arguments.of(endpoint, who, expected[who.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    void eachRoleGetsWhatItsClinicAndRoleAllow(Endpoint endpoint, Who who, String expected) {
        World world = World.create();

        Response response = endpoint.call().send(world, world.as(who));

        int status = response.statusCode();
        if (expected.equals("ok")) {
            assertTrue(status < 300 || status == 409, endpoint + " as " + who + ": " + status + " "
                    + response.asString());
        } else {
            assertEquals(Integer.parseInt(expected), status, endpoint + " as " + who + ": " + response.asString());
            assertEquals("application/problem+json", response.contentType());
        }
    }
}
