package org.alliancepulse.analytics.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancepulse.analytics.DyadStory;
import org.alliancepulse.analytics.alert.Alert;
import org.alliancepulse.analytics.dyad.SessionRecord;
import org.alliancepulse.contracts.intake.ClinicRegistered;
import org.alliancepulse.contracts.intake.ClinicUpdated;
import org.alliancepulse.contracts.intake.EpisodeClosed;
import org.alliancepulse.contracts.intake.TherapistRegistered;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.alliancepulse.testinfra.security.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The network metrics on real Kafka and PostgreSQL: the figures of a small clinic, small counts suppressed with the
 * sibling that would give them away, the same figures in the network's breakdown, CSV, and who may see what.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class NetworkMetricsTest {

    private static final String YEAR_FROM = "2024-01-01";
    private static final String YEAR_TO = "2024-12-31";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aClinicsFiguresWithSmallCountsSuppressedAndWhoMaySeeThem() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        // the clinic is named, then renamed: the network names it by its latest name (outside probe: by its id)
        events.publish(new ClinicRegistered(clinic, "Metrics Clinic", "supervisor@c.example"));
        events.publish(new ClinicUpdated(clinic, "Metrics Clinic Centre", "supervisor@c.example"));
        events.publish(new TherapistRegistered(busy, clinic, "dr-busy-" + clinic, "Dr Busy", "b@c.example"));
        events.publish(new TherapistRegistered(quiet, clinic, "dr-quiet-" + clinic, "Dr Quiet", "q@c.example"));
        // 12 clients of one therapist, 3 of the other, two weekly sessions each with an SRS of 38; two clients of
        // the busy therapist drop out
        List<DyadStory> stories = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2024-03-04T09:00:00Z")
                    .plus(Duration.ofDays(i)), i < 12 ? busy : quiet)
                    .attended(9.5, 9.5, 9.5, 9.5);
            // one client's second session has answers but no recorded attendance: held all the same
            story = i == 5 ? story.answered(9.5, 9.5, 9.5, 9.5) : story.attended(9.5, 9.5, 9.5, 9.5);
            if (i < 2) {
                story.ended(EpisodeClosed.Ending.DROPOUT);
            }
            stories.add(story);
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> SessionRecord.count(
                "clinicId = ?1 and attendance = 'ATTENDED'", clinic) == 29
                && org.alliancepulse.analytics.dyad.FeedbackMeasure.count("clinicId", clinic) == 30);
        String path = "/api/metrics/clinics/" + clinic;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).get(path).then().extract()
                .path("figures.sessions.value") != null);

        JsonPath report = given().auth().oauth2(Tokens.clinicStaff(clinic)).queryParam("from", YEAR_FROM)
                .queryParam("to", YEAR_TO).get(path).then().statusCode(200)
                .body("level", equalTo("CLINIC")).body("suppressionThreshold", equalTo(10))
                .body("figures.activeClients.value", equalTo(15))
                .body("figures.sessions.value", equalTo(30))
                .body("figures.meanSrs.value", equalTo(38))
                .body("figures.meanSrs.n", equalTo(30))
                .body("figures.shareSessionsSrsBelow36.suppressed", equalTo(false))
                .body("figures.shareSessionsSrsBelow36.value", equalTo(0))
                .body("figures.alertsRaised.value", equalTo(0))
                // two endings: a small count, so the dropout rate is not shown
                .body("figures.dropoutRate.suppressed", equalTo(true))
                .body("figures.dropoutRate.value", nullValue())
                .body("breakdown", hasSize(2))
                // over time: every calendar month of the year, the empty ones with zeros (a chart must not join
                // February to April); every session fell in March 2024
                .body("months.id", org.hamcrest.Matchers.contains("2024-01", "2024-02", "2024-03", "2024-04",
                        "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"))
                .body("months[2].figures.sessions.value", equalTo(30))
                .body("months[2].figures.dropoutRate.suppressed", equalTo(true))
                .body("months[1].figures.sessions.value", equalTo(0))
                .body("months[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")))
                .body("months[11].figures.sessions.value", equalTo(0))
                .extract().jsonPath();
        Map<String, Map<String, Object>> byTherapist = new HashMap<>();
        Map<String, Object> names = new HashMap<>();
        for (Map<String, Object> unit : report.<Map<String, Object>>getList("breakdown")) {
            names.put((String) unit.get("id"), unit.get("name"));
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) unit.get("figures");
            byTherapist.put((String) unit.get("id"), figures);
        }
        // a therapist is named by their login, which the staff know them by (a UUID means nothing to them)
        assertEquals(Map.of(busy.toString(), "dr-busy-" + clinic, quiet.toString(), "dr-quiet-" + clinic), names);
        // 3 clients of the quiet therapist are a small count; the busy one's 12 would be 15 - 3: both suppressed
        assertEquals(Boolean.TRUE, cell(byTherapist.get(quiet.toString()), "activeClients").get("suppressed"));
        assertEquals(Boolean.TRUE, cell(byTherapist.get(busy.toString()), "activeClients").get("suppressed"));
        // the same for sessions (6 and 24 of 30); zeros stay shown
        assertEquals(Boolean.TRUE, cell(byTherapist.get(quiet.toString()), "sessions").get("suppressed"));
        assertEquals(Boolean.TRUE, cell(byTherapist.get(busy.toString()), "sessions").get("suppressed"));
        assertEquals(0, cell(byTherapist.get(quiet.toString()), "alertsRaised").get("value"));

        // the network's breakdown holds the same clinic with the same figures; no small count is shown anywhere
        JsonPath network = given().auth().oauth2(Tokens.admin()).queryParam("from", YEAR_FROM)
                .queryParam("to", YEAR_TO).get("/api/metrics/network").then().statusCode(200)
                .body("level", equalTo("NETWORK")).extract().jsonPath();
        Map<String, Object> ours = network.<Map<String, Object>>getList("breakdown").stream()
                .filter(u -> clinic.equals(u.get("id"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> oursFigures = (Map<String, Object>) ours.get("figures");
        assertEquals(15, cell(oursFigures, "activeClients").get("value"));
        assertEquals("Metrics Clinic Centre", ours.get("name"));
        assertNoSmallCountShown(network);
        assertNoSmallCountShown(report);

        // a therapist's own figures; CSV
        String busyToken = Tokens.therapist("dr-busy-" + clinic, clinic);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(busyToken)
                .get("/api/metrics/therapists/" + busy).statusCode() == 200);
        given().auth().oauth2(busyToken).queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO)
                .get("/api/metrics/therapists/" + busy).then().statusCode(200)
                .body("level", equalTo("THERAPIST")).body("figures.activeClients.value", equalTo(12))
                .body("figures.sessions.value", equalTo(24)).body("breakdown", hasSize(0));
        given().auth().oauth2(Tokens.clinicStaff(clinic)).accept("text/csv").queryParam("from", YEAR_FROM)
                .queryParam("to", YEAR_TO).get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("level,unit,from,to,metric,value,n,suppressed\n"))
                .body(containsString("CLINIC," + clinic + ",2024-01-01,2024-12-31,activeClients,15,,false\n"))
                .body(containsString("THERAPIST," + quiet + ",2024-01-01,2024-12-31,activeClients,,,true\n"));

        // who may see what
        String therapistPath = "/api/metrics/therapists/" + busy;
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get("/api/metrics/network").then().statusCode(403);
        given().auth().oauth2(busyToken).get("/api/metrics/network").then().statusCode(403);
        given().auth().oauth2(Tokens.clinicStaff("elsewhere")).get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(busyToken).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200);
        // an id nobody here knows is a 404, not an empty clinic or therapist (a typo looked like one: outside probe);
        // a clinic's own staff get its figures however new it is
        given().auth().oauth2(Tokens.admin()).get("/api/metrics/clinics/nowhere-" + clinic).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/metrics/therapists/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("new-" + clinic)).get("/api/metrics/clinics/new-" + clinic).then()
                .statusCode(200).body("figures.sessions.value", equalTo(0));
        // staff read the clinic's report (its per-therapist breakdown is suppressed in one table), not a therapist's
        // by month beside it, which would give away the rest of the clinic's small counts by difference
        given().auth().oauth2(Tokens.clinicStaff(clinic)).get(therapistPath).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.clinicStaff("elsewhere")).get(therapistPath).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.therapist("dr-quiet-" + clinic, clinic)).get(therapistPath).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/metrics/therapists/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/metrics/network").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).queryParam("from", "2024-02-30").get("/api/metrics/network").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).queryParam("from", "2024-06-01").queryParam("to", "2024-05-01")
                .get("/api/metrics/network").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).queryParam("from", "-999999999-01-01").get("/api/metrics/network")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        assertFalse(stories.isEmpty());
    }

    @Inject
    MetricsReader reader;

    /**
     * Monday evenings in New York (19:30, 00:30 on Tuesday in UTC): the rupture at the session of Monday 31 March
     * counts in March, in the metrics, the alert filters and the alert's resolution, as the alert and its email date
     * it. Read beneath the small-count suppression, which would hide one rupture's counts.
     */
    @Test
    void monthsAndPeriodsFollowTheDayWhereTheSessionWasHeld() {
        KafkaEvents events = new KafkaEvents(kafka);
        String clinic = "evening-metrics-" + UUID.randomUUID().toString().substring(0, 8);
        DyadStory story = DyadStory.assigned(events, clinic, Instant.parse("2025-03-11T00:30:00Z"))
                .heldAt(ZoneOffset.ofHours(-5));
        story.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5) // Monday 31 March, 1 April in UTC: the rupture
                .attended(3, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE' and status = ?2", story.clientId, Alert.Status.RESOLVED) == 1
                && org.alliancepulse.analytics.assessment.SessionAssessmentRecord.count("sessionId in ?1",
                        story.sessionIds) == 7);

        Map<String, MetricsReader.Row> rows = QuarkusTransaction.requiringNew().call(() -> reader.read(
                new MetricsReader.Scope(MetricsReader.Level.CLINIC, clinic), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31)));
        MetricsReader.Row march = rows.get(MetricsReader.MONTH + "2025-03");
        MetricsReader.Row april = rows.get(MetricsReader.MONTH + "2025-04");
        assertEquals(List.of(4L, 4L, 1L, 1L), List.of(march.get(Count.SESSIONS_ATTENDED),
                march.get(Count.SCORED_SESSIONS), march.get(Count.RUPTURES), march.get(Count.RUPTURE_ALERTS)),
                "March: attended, scored, ruptures, rupture alerts");
        assertEquals(List.of(3L, 3L, 0L, 0L), List.of(april.get(Count.SESSIONS_ATTENDED),
                april.get(Count.SCORED_SESSIONS), april.get(Count.RUPTURES), april.get(Count.RUPTURE_ALERTS)),
                "April: attended, scored, ruptures, rupture alerts");
        Map<String, MetricsReader.Row> lastDay = QuarkusTransaction.requiringNew().call(() -> reader.read(
                new MetricsReader.Scope(MetricsReader.Level.CLINIC, clinic), LocalDate.of(2025, 3, 31),
                LocalDate.of(2025, 3, 31)));
        assertEquals(List.of(1L, 1L, 1L), List.of(lastDay.get(MetricsReader.TOTAL).get(Count.SCORED_SESSIONS),
                lastDay.get(MetricsReader.TOTAL).get(Count.RUPTURES),
                lastDay.get(MetricsReader.TOTAL).get(Count.RUPTURE_ALERTS)), "31 March: scored, ruptures, alerts");

        // the alert inbox's period is the same day; the resolution is dated where its session was held
        given().auth().oauth2(Tokens.admin()).queryParam("clinicId", clinic).queryParam("from", "2025-03-31")
                .queryParam("to", "2025-03-31").get("/api/alerts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("RUPTURE"))
                .body("items[0].sessionDate", equalTo("2025-03-31"))
                .body("items[0].resolution", equalTo("REPAIRED"))
                // session 6, Monday 14 April in New York, 15 April in UTC
                .body("items[0].resolvedSessionNumber", equalTo(6))
                .body("items[0].resolvedSessionDate", equalTo("2025-04-14"));
        given().auth().oauth2(Tokens.admin()).queryParam("clinicId", clinic).queryParam("from", "2025-04-01")
                .queryParam("to", "2025-04-01").get("/api/alerts").then().statusCode(200).body("total", equalTo(0));

        // newest first by the dates shown: a rupture at a session held on 1 April at midnight UTC comes before the
        // one of 31 March in New York, though that one's instant (00:30 on 1 April in UTC) is the later
        DyadStory utc = DyadStory.assigned(events, clinic, Instant.parse("2025-03-11T00:00:00Z"));
        utc.attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5).attended(9.5, 9.5, 9.5, 9.5)
                .attended(3, 9.5, 9.5, 9.5);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> Alert.count(
                "clientId = ?1 and kind = 'RUPTURE'", utc.clientId) == 1);
        given().auth().oauth2(Tokens.admin()).queryParam("clinicId", clinic).queryParam("kind", "RUPTURE")
                .get("/api/alerts").then().statusCode(200)
                .body("items.sessionDate", org.hamcrest.Matchers.contains("2025-04-01", "2025-03-31"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> figures, String metric) {
        return (Map<String, Object>) figures.get(metric);
    }

    /** Counts (the figures without an n) are never shown from 1 to 10, in the scope's row, a unit's or a month's. */
    @SuppressWarnings("unchecked")
    private static void assertNoSmallCountShown(JsonPath report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("id", "own", "figures", report.getMap("figures")));
        rows.addAll(report.getList("breakdown"));
        rows.addAll(report.getList("months"));
        for (Map<String, Object> row : rows) {
            ((Map<String, Map<String, Object>>) row.get("figures")).forEach((metric, cell) -> {
                Object value = cell.get("value");
                Object n = cell.get("n");
                boolean smallCount = n == null && value != null && ((Number) value).doubleValue() >= 1
                        && ((Number) value).doubleValue() <= 10;
                boolean smallBasis = n != null && ((Number) n).longValue() >= 1 && ((Number) n).longValue() <= 10;
                assertFalse(smallCount || smallBasis, row.get("id") + " " + metric + " shows " + cell);
            });
        }
    }
}
