package org.alliancepulse.notification.preferences;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.alliancepulse.notification.TestDirectory;
import org.alliancepulse.notification.TestDirectory.Therapist;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code GET} / {@code PUT /api/therapists/{id}/notification-preferences}: who may, and what is refused. */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class NotificationPreferencesTest {

    private static final String PATH = "/api/therapists/{id}/notification-preferences";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static final Map<String, Object> DIGEST = Map.of("delivery", "DAILY_DIGEST", "digestHour", 7,
            "timeZone", "Europe/Oslo", "quietHours", Map.of("from", "21:00", "until", "07:00"),
            "skippedKinds", java.util.List.of("fit_concern"), "resolvedNotes", true);

    @Test
    void theTherapistTheirClinicsStaffAndAdminsMayNobodyElse() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic(null);
        String otherClinic = directory.clinic(null);
        Therapist therapist = directory.therapist(clinic);
        Therapist colleague = directory.therapist(clinic);
        String own = Tokens.therapist(therapist.username(), clinic);

        // never set: the defaults
        given().auth().oauth2(own).get(PATH, therapist.id()).then().statusCode(200)
                .body("delivery", equalTo("IMMEDIATE")).body("digestHour", equalTo(8))
                .body("timeZone", equalTo("UTC")).body("quietHours", nullValue()).body("resolvedNotes", equalTo(false));
        given().auth().oauth2(own).contentType("application/json").body(DIGEST).put(PATH, therapist.id()).then()
                .statusCode(200).body("delivery", equalTo("DAILY_DIGEST")).body("skippedKinds[0]", equalTo("FIT_CONCERN"))
                .body("quietHours.from", equalTo("21:00")).body("updatedBy", equalTo(therapist.username()));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(PATH, therapist.id()).then().statusCode(200)
                .body("delivery", equalTo("DAILY_DIGEST")).body("timeZone", equalTo("Europe/Oslo"));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).contentType("application/json")
                .body(Map.of("delivery", "IMMEDIATE")).put(PATH, therapist.id()).then().statusCode(200)
                .body("updatedBy", equalTo("staff-" + clinic));
        given().auth().oauth2(Tokens.admin()).get(PATH, therapist.id()).then().statusCode(200)
                .body("delivery", equalTo("IMMEDIATE"));

        // the wrong therapist (same clinic), another clinic's staff and therapist: the 404 of an unknown id (a 403
        // told another clinic which ids are therapists), and nothing changed (the therapist's own login with another
        // clinic's claim: not them at this clinic)
        try (org.alliancepulse.testinfra.logging.LogCapture log = org.alliancepulse.testinfra.logging.LogCapture.start()) {
            for (String stranger : java.util.List.of(Tokens.therapist(colleague.username(), clinic),
                    Tokens.clinicStaff(otherClinic), Tokens.therapist(therapist.username(), otherClinic))) {
                given().auth().oauth2(stranger).get(PATH, therapist.id()).then().statusCode(404)
                        .contentType("application/problem+json");
                given().auth().oauth2(stranger).contentType("application/json").body(DIGEST)
                        .put(PATH, therapist.id()).then().statusCode(404).contentType("application/problem+json");
            }
            // each is a refusal on the operators' security log, saying who tried
            java.util.List<String> refused = log.linesContaining("event=REFUSED");
            org.junit.jupiter.api.Assertions.assertEquals(6, refused.size(), refused::toString);
            org.junit.jupiter.api.Assertions.assertTrue(refused.get(0).contains("status=404 method=GET path=/api/therapists/"
                    + therapist.id() + "/notification-preferences user=" + colleague.username()), refused.get(0));
        }
        given().get(PATH, therapist.id()).then().statusCode(401);
        // a therapist who left the clinic no longer reaches their settings, though their token may live on
        directory.deactivate(colleague);
        given().auth().oauth2(Tokens.therapist(colleague.username(), clinic)).get(PATH, colleague.id()).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(PATH, colleague.id()).then().statusCode(200);
        given().auth().oauth2(Tokens.withoutRole()).get(PATH, therapist.id()).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get(PATH, therapist.id()).then().statusCode(200)
                .body("delivery", equalTo("IMMEDIATE"));
        given().auth().oauth2(Tokens.admin()).get(PATH, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get(PATH, "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badPreferencesAre400sThatNameTheFieldAndStoreNothing() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic(null);
        Therapist therapist = directory.therapist(clinic);
        String own = Tokens.therapist(therapist.username(), clinic);

        for (var bad : java.util.List.of(
                Map.of("timeZone", "Mars/Olympus_Mons"),
                Map.of("delivery", "HOURLY"),
                Map.of("digestHour", 24),
                Map.of("digestHour", -1),
                Map.of("quietHours", Map.of("from", "21:00")),
                Map.of("quietHours", Map.of("from", "9pm", "until", "07:00")),
                Map.of("quietHours", Map.of("from", "07:00", "until", "07:00")),
                Map.of("skippedKinds", java.util.List.of("DROPOUT_RISK")),
                Map.of("skippedKinds", java.util.List.of("UNRESOLVED_RUPTURE")),
                Map.of("skippedKinds", java.util.List.of("SOMETHING")),
                // found by an outside probe: fixed offsets know no summer time, HH:mm means no seconds, and a
                // digest in the quiet hours would go out in them
                Map.of("timeZone", "+02:00"),
                Map.of("timeZone", "UTC+2"),
                Map.of("quietHours", Map.of("from", "21:00:30", "until", "07:00")),
                Map.of("delivery", "DAILY_DIGEST", "digestHour", 8, "quietHours",
                        Map.of("from", "07:00", "until", "09:00")),
                Map.of("delivery", "DAILY_DIGEST", "digestHour", 23, "quietHours",
                        Map.of("from", "22:00", "until", "06:00")))) {
            given().auth().oauth2(own).contentType("application/json").body(bad).put(PATH, therapist.id()).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(own).contentType("application/json").body(Map.of("skippedKinds",
                java.util.List.of("DROPOUT_RISK"))).put(PATH, therapist.id()).then().statusCode(400)
                .body("detail", containsString("always emailed"));
        given().auth().oauth2(own).contentType("application/json").body("{\"digestHour\": \"eight\"")
                .put(PATH, therapist.id()).then().statusCode(400);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> TherapistPreferences.count("therapistId", therapist.id())), "nothing stored");
    }
}
