package org.alliancepulse.notification.history;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.notification.TestDirectory;
import org.alliancepulse.notification.TestDirectory.Therapist;
import org.alliancepulse.testinfra.quarkus.InjectMailServer;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.alliancepulse.testinfra.servers.MailServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code GET /api/notifications}: each caller's reach, the filters, and bad filters as 400s. */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class NotificationHistoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectMailServer
    MailServer mail;

    @Test
    void adminsSeeAllStaffTheirClinicTherapistsTheirOwn() {
        TestDirectory directory = new TestDirectory(kafka);
        String clinic = directory.clinic("lead-" + directory.suffix + "@clinic.example");
        String other = directory.clinic(null);
        Therapist mine = directory.therapist(clinic);
        Therapist colleague = directory.therapist(clinic);
        Therapist elsewhere = directory.therapist(other);
        AlertRaised rupture = TestDirectory.alert("RUPTURE", mine);
        directory.events.publish(rupture);
        directory.events.publish(TestDirectory.alert("FIT_CONCERN", colleague));
        directory.events.publish(TestDirectory.alert("FIT_CONCERN", elsewhere));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mail.receivedBy(mine.email()).isEmpty()
                && !mail.receivedBy(colleague.email()).isEmpty() && !mail.receivedBy(elsewhere.email()).isEmpty());

        // admin: everything, filtered here to the clinic; the rupture's email and its pending escalation
        given().auth().oauth2(Tokens.admin()).queryParam("clinicId", clinic).get("/api/notifications").then()
                .statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(Tokens.admin()).queryParam("alertId", rupture.alertId().toString())
                .queryParam("purpose", "escalation").get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("PENDING"))
                .body("items[0].clientCode", equalTo(rupture.clientCode()));
        given().auth().oauth2(Tokens.admin()).queryParam("therapistId", mine.id().toString())
                .queryParam("status", "SENT").get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].attempts", equalTo(1))
                .body("items[0].recipient", equalTo("THERAPIST")).body("items[0].purpose", equalTo("ALERT"));
        // staff: their clinic only
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(3)).body("items.clinicId", everyItem(equalTo(clinic)));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("clinicId", other).get("/api/notifications")
                .then().statusCode(403).contentType("application/problem+json");
        // a therapist: the emails about their own alerts, not the supervisor's escalation
        given().auth().oauth2(Tokens.therapist(mine.username(), clinic)).get("/api/notifications").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].alertId", equalTo(rupture.alertId().toString()))
                .body("items.purpose", not(hasItem("ESCALATION")));
        given().auth().oauth2(Tokens.therapist(mine.username(), clinic))
                .queryParam("therapistId", colleague.id().toString()).get("/api/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-nobody-" + directory.suffix, clinic)).get("/api/notifications")
                .then().statusCode(200).body("total", equalTo(0));
        given().get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(Tokens.withoutRole()).get("/api/notifications").then().statusCode(403);
        // bad filters
        for (String[] bad : new String[][] { { "status", "LOST" }, { "purpose", "SPAM" }, { "kind", "BOGUS" },
                { "therapistId", "x" },
                { "from", "yesterday" }, { "size", "0" }, { "size", "201" }, { "page", "-1" }, { "page", "one" },
                { "page", "42949673" }, { "page", "2147483647" } }) {
            given().auth().oauth2(Tokens.admin()).queryParam(bad[0], bad[1]).get("/api/notifications").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        // a filter misspelt or given twice is named, not dropped
        given().auth().oauth2(Tokens.admin()).queryParam("therapist", java.util.UUID.randomUUID().toString())
                .get("/api/notifications").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("therapist"));
        given().auth().oauth2(Tokens.admin()).queryParam("status", "SENT", "FAILED").get("/api/notifications")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("status"));
    }
}
