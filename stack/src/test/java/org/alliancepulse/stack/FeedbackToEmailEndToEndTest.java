package org.alliancepulse.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.alliancepulse.contracts.CloudEventHeaders;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.kafka.KafkaEvents.Published;
import org.alliancepulse.testinfra.servers.MailServer.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system, as deployed: real Kafka, PostgreSQL, SMTP and Keycloak, the four packaged services as separate
 * processes configured through environment variables. A clinic registers a client and assigns a therapist
 * (intake-service), the session's feedback is entered (session-service), the low alliance is spotted
 * (alliance-analytics-service) and the therapist gets exactly one email without PHI (notification-service), even
 * when Kafka redelivers the feedback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackToEmailEndToEndTest {

    private static final String FIRST_NAME = "Ingrid";
    private static final String LAST_NAME = "Halvorsen";
    private static final String DATE_OF_BIRTH = "1987-03-14";
    private static final String CLIENT_EMAIL = "ingrid.h@private.example";
    private static final String CLIENT_PHONE = "+47 912 34 567";
    /** SRS items (0..10 each); total 30.5, below the SRS cut-off of 36. */
    private static final List<Number> GOOD_SRS = List.of(9.5, 9.5, 9.5, 9.5);
    /** The relationship item falls (the bond): SRS 32 after three sessions at 38. */
    private static final List<Number> RUPTURE_SRS = List.of(4, 9.5, 9, 9.5);
    private static final List<Number> STILL_LOW_SRS = List.of(4.5, 9.5, 9, 9.5);

    private static Stack stack;
    private static KafkaEvents kafka;
    private static String intake;
    private static String session;

    private static String clientId;
    private static String clientCode;
    private static String therapistId;

    @BeforeAll
    static void startTheSystem() {
        stack = Stack.start();
        kafka = new KafkaEvents(stack.kafkaBootstrapServers());
        intake = stack.baseUrl(Service.INTAKE);
        session = stack.baseUrl(Service.SESSION);
        registerClinicTherapistAndClient();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /** North clinic, its therapist dr-north and one client assigned to them, entered as an admin and the staff would. */
    private static void registerClinicTherapistAndClient() {
        String admin = stack.token(DemoUsers.ADMIN);
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);

        post(intake, "/api/clinics", admin, Map.of("id", "north", "name", "North Clinic"))
                .then().statusCode(201);
        therapistId = post(intake, "/api/therapists", admin, Map.of(
                "clinicId", "north",
                "username", DemoUsers.DR_NORTH,
                "displayName", "Dr. Nils Northcott",
                "workEmail", DemoUsers.DR_NORTH_EMAIL))
                .then().statusCode(201).extract().path("id");
        assertNotNull(therapistId, "therapist id");

        Response client = post(intake, "/api/clients", staffNorth, Map.of(
                "clinicId", "north",
                "firstName", FIRST_NAME,
                "lastName", LAST_NAME,
                "dateOfBirth", DATE_OF_BIRTH,
                "email", CLIENT_EMAIL,
                "phone", CLIENT_PHONE));
        client.then().statusCode(201);
        clientId = client.path("id");
        clientCode = client.path("clientCode");
        assertNotNull(clientId, "client id");
        assertNotNull(clientCode, "client code");
        assertFalse(clientCode.contains(FIRST_NAME) || clientCode.contains(LAST_NAME) || clientCode.contains("1987"),
                "the client code must be pseudonymous: " + clientCode);

        post(intake, "/api/clients/" + clientId + "/assignment", staffNorth, Map.of("therapistId", therapistId))
                .then().statusCode(201);
    }

    @Test
    void aRuptureEmailsTheTherapistOnceWithoutPhiEvenWhenRedelivered() {
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        LocalDate today = LocalDate.now();

        // three weekly sessions rated well; then the relationship item falls, twice: a rupture of the bond. The
        // assignment reaches session-service through Kafka, asynchronously: 409 means "not there yet"
        String sessionId = null;
        // (every other day, so that the alert is recent: alerts about sessions long past are not emailed)
        for (int step = 5; step >= 1; step--) {
            sessionId = createSessionOnceKnown(staffNorth, today.minusDays(2L * step));
            post(session, "/api/sessions/" + sessionId + "/feedback", staffNorth,
                    Map.of("instrument", "SRS", "answers", step > 2 ? GOOD_SRS : step == 2 ? RUPTURE_SRS : STILL_LOW_SRS))
                    .then().statusCode(201);
        }
        LocalDate ruptureDate = today.minusDays(4);
        LocalDate confirmedDate = today.minusDays(2);

        // the rupture's email (the same story may also raise other kinds, e.g. a dropout risk: each its own email)
        await("the rupture email to " + DemoUsers.DR_NORTH_EMAIL)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> !ruptureMailsTo(DemoUsers.DR_NORTH_EMAIL).isEmpty());
        List<ReceivedMail> mails = ruptureMailsTo(DemoUsers.DR_NORTH_EMAIL);
        assertEquals(1, mails.size(), () -> "exactly one rupture email, got " + mails);
        ReceivedMail mail = mails.get(0);
        String text = mail.subject() + "\n" + mail.body();
        System.out.printf("[e2e] email to %s:%n--- subject: %s%n%s%n---%n", mail.to(), mail.subject(), mail.body());
        assertNotNull(mail.html(), "an HTML part beside the text");

        assertTrue(text.toLowerCase(Locale.ROOT).contains("rupture"),
                () -> "the email says what kind of alert (a rupture):\n" + text);
        assertTrue(text.contains(clientCode), () -> "the email names the client code " + clientCode + ":\n" + text);
        assertTrue(text.contains("the bond (the relationship)") && text.contains("At the next session"),
                () -> "the email says which pillar fell and what may help, in words:\n" + text);
        assertTrue(mentionsDate(text, ruptureDate) || mentionsDate(text, confirmedDate),
                () -> "the email names the session date " + ruptureDate + " or " + confirmedDate + ":\n" + text);
        // nothing about the client but the code, in either part
        assertNoPhiNorScores(text + "\n" + mail.html());

        // --- Kafka redelivers the same event (same ce_id): nothing may change, above all no second email --------
        String lastSession = sessionId;
        List<Published<FeedbackSubmitted>> feedback = kafka.published(EventTypes.FEEDBACK_SUBMITTED,
                p -> p.sessionId().toString().equals(lastSession));
        assertEquals(1, feedback.size(), "one FeedbackSubmitted on " + Topics.SESSION_EVENTS + " for the session");
        Published<FeedbackSubmitted> original = feedback.get(0);
        String eventId = original.header(CloudEventHeaders.ID);
        assertNotNull(eventId, "the event carries a ce_id");
        assertFalse(original.record().value().contains(FIRST_NAME) || original.record().value().contains(LAST_NAME),
                "no names on Kafka");

        kafka.publish(eventId, original.payload());
        List<String> consumers = ConsumerProgress.awaitConsumed(stack.kafkaBootstrapServers(), Topics.SESSION_EVENTS,
                original.record().partition(), Duration.ofSeconds(60));
        System.out.printf("[e2e] redelivered event %s (same ce_id) consumed by %s%n", eventId, consumers);
        // The consumers have committed past the redelivered record, so analytics' transaction for it has committed.
        // Had it raised an alert again, that alert would now be in analytics' outbox, then on alliance-alerts, then
        // a pending delivery in notification-service: wait until each of those is empty before counting emails.
        await("analytics' outbox to be relayed").atMost(Duration.ofSeconds(30))
                .until(() -> rows(Service.ANALYTICS, "SELECT count(*) FROM outbox_event") == 0);
        ConsumerProgress.awaitAllCaughtUp(stack.kafkaBootstrapServers(), Topics.ALLIANCE_ALERTS, Duration.ofSeconds(60));
        await("notification-service to have no email in flight").atMost(Duration.ofSeconds(30))
                .until(() -> rows(Service.NOTIFICATION,
                        "SELECT count(*) FROM alert_notification WHERE status IN ('PENDING', 'SENDING')"
                                + " AND next_attempt_at <= now()") == 0); // (escalations are due days later)
        List<ReceivedMail> afterRedelivery = ruptureMailsTo(DemoUsers.DR_NORTH_EMAIL);
        assertEquals(1, afterRedelivery.size(), () -> "still exactly one rupture email after the redelivery, got "
                + afterRedelivery);
        List<String> messageIds = mailsTo(DemoUsers.DR_NORTH_EMAIL).stream().flatMap(m -> m.headers().stream())
                .filter(h -> h.name().equalsIgnoreCase("Message-ID")).map(h -> h.value()).toList();
        assertEquals(messageIds.size(), messageIds.stream().distinct().count(), "one email per alert: " + messageIds);

        // --- the therapist sees the rupture and acknowledges it through the API; the metrics count it ---------------
        String analytics = stack.baseUrl(Service.ANALYTICS);
        String drNorth = stack.token(DemoUsers.DR_NORTH);
        String alertId = given().baseUri(analytics).auth().oauth2(drNorth).queryParam("kind", "RUPTURE")
                .queryParam("status", "OPEN").get("/api/alerts").then().statusCode(200)
                .extract().path("items.find { it.clientId == '" + clientId + "' }.id");
        assertNotNull(alertId, "the therapist's inbox lists the rupture");
        given().baseUri(analytics).auth().oauth2(drNorth).get("/api/dyads/" + clientId + "/alliance").then()
                .statusCode(200).body("dyads[0].ruptures[0].pillars[0]", org.hamcrest.Matchers.equalTo("BOND"))
                .body("dyads[0].openAlerts.id", org.hamcrest.Matchers.hasItem(alertId));
        given().baseUri(analytics).auth().oauth2(drNorth).contentType(ContentType.JSON)
                .body(Map.of("note", "raised it with the client")).post("/api/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"));
        // one therapist's few alerts are small counts: the metrics count them and show them suppressed
        given().baseUri(analytics).auth().oauth2(stack.token(DemoUsers.ADMIN))
                .get("/api/metrics/therapists/" + therapistId).then().statusCode(200)
                .body("figures.alertsRaised.suppressed", org.hamcrest.Matchers.equalTo(true))
                .body("figures.medianHoursToAcknowledge.suppressed", org.hamcrest.Matchers.equalTo(true));

        // --- the next session's rating is back where it was: the rupture is repaired ----------------------------
        var rupture = kafka.published(EventTypes.ALERT_RAISED, a -> a.clientId().toString().equals(clientId)
                && a.kind().equals("RUPTURE"));
        assertEquals(1, rupture.size(), "one RUPTURE alert on " + Topics.ALLIANCE_ALERTS);
        assertEquals(List.of("BOND"), rupture.get(0).payload().pillars().subList(0, 1), "the bond fell");
        String repaired = createSessionOnceKnown(staffNorth, today.minusDays(1));
        post(session, "/api/sessions/" + repaired + "/feedback", staffNorth,
                Map.of("instrument", "SRS", "answers", GOOD_SRS)).then().statusCode(201);
        var resolved = await("the rupture resolved as repaired").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.ALERT_RESOLVED,
                        r -> r.alertId().equals(rupture.get(0).payload().alertId())), found -> !found.isEmpty());
        assertEquals("REPAIRED", resolved.get(0).payload().resolution());
        assertEquals(repaired, resolved.get(0).payload().sessionId().toString());
    }

    /** A client who comes once, rates the session low and then misses two: a dropout-risk alert with its factors. */
    @Test
    void aClientWhoMissesTheirEarlySessionsRaisesADropoutRiskWithItsFactors() {
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        String client = post(intake, "/api/clients", staffNorth, Map.of("clinicId", "north", "firstName", "Rakel",
                "lastName", "Solberg", "dateOfBirth", "1994-02-17")).then().statusCode(201).extract().path("id");
        post(intake, "/api/clients/" + client + "/assignment", staffNorth, Map.of("therapistId", therapistId))
                .then().statusCode(201);
        LocalDate today = LocalDate.now();
        String first = createSessionOnceKnown(staffNorth, client, today.minusDays(6));
        post(session, "/api/sessions/" + first + "/attendance", staffNorth, Map.of("outcome", "ATTENDED"))
                .then().statusCode(200);
        post(session, "/api/sessions/" + first + "/feedback", staffNorth,
                Map.of("instrument", "SRS", "answers", List.of(6, 6.5, 6, 6))).then().statusCode(201);
        for (int step = 2; step >= 1; step--) {
            String missed = createSessionOnceKnown(staffNorth, client, today.minusDays(2L * step));
            post(session, "/api/sessions/" + missed + "/attendance", staffNorth, Map.of("outcome", "NO_SHOW"))
                    .then().statusCode(200);
        }

        var raised = await("a DROPOUT_RISK alert").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.ALERT_RAISED, a -> a.clientId().toString().equals(client)
                        && a.kind().equals("DROPOUT_RISK")), found -> !found.isEmpty());
        var alert = raised.get(0).payload();
        System.out.printf("[e2e] dropout risk %s, factors %s%n", alert.riskScore(), alert.riskFactors());
        // (raised at the configured threshold: analytics' AlertLifecycleTest checks that against its settings)
        assertTrue(alert.riskScore().doubleValue() > 0 && alert.riskScore().doubleValue() <= 1, "a score in [0, 1]");
        assertFalse(alert.riskFactors().isEmpty(), "the alert lists its factors");
        assertEquals(alert.riskFactors().stream().map(f -> f.factor()).toList(), alert.reasons(),
                "the factors are the alert's reasons, as codes");
        await("the dropout-risk email").atMost(Duration.ofSeconds(30)).until(() -> mailsTo(DemoUsers.DR_NORTH_EMAIL)
                .stream().anyMatch(m -> m.subject().toLowerCase(Locale.ROOT).contains("dropout risk")
                        && m.headers().stream().anyMatch(h -> h.value().contains(alert.alertId().toString()))));
    }

    private static List<ReceivedMail> ruptureMailsTo(String address) {
        return mailsTo(address).stream().filter(m -> m.subject().toLowerCase(Locale.ROOT).contains("rupture")).toList();
    }

    /**
     * The scale-out path: a second analytics instance in the same consumer group, against the same Kafka and
     * database. The partitions are shared out (both instances apply events), the second leaves again mid-stream
     * (a rebalance with work in flight), and still every feedback is applied once, each client's in the order it was
     * published, and each alert is announced once: the relays of both instances take turns on one outbox.
     */
    @Test
    @Order(1000)
    void twoAnalyticsInstancesApplyEachEventOnceInPerKeyOrder() throws Exception {
        int clients = 30;
        int perClient = 8;
        double firstBefore = processed(stack.service(Service.ANALYTICS).baseUrl());
        ServiceProcess second = stack.startAnotherInstance(Service.ANALYTICS, "alliance-analytics-service-2");
        Map<java.util.UUID, List<String>> publishedByClient = new java.util.LinkedHashMap<>();
        java.util.UUID therapist = java.util.UUID.randomUUID();
        List<java.util.UUID> clientIds = java.util.stream.Stream.generate(java.util.UUID::randomUUID).limit(clients).toList();
        try {
            for (java.util.UUID client : clientIds) {
                kafka.publish(new org.alliancepulse.contracts.intake.ClientAssigned(client,
                        "C-SCALE" + (char) ('A' + clientIds.indexOf(client) % 26), "north", therapist,
                        java.time.Instant.parse("2026-01-01T10:00:00Z"), java.util.UUID.randomUUID()));
            }
            for (int n = 0; n < perClient; n++) {
                for (int c = 0; c < clients; c++) {
                    java.util.UUID client = clientIds.get(c);
                    // each client's fourth session shows a rupture of the bond (one RUPTURE alert), repaired later
                    List<java.math.BigDecimal> answers = (n == 3 ? List.of(4, 9.5, 9, 9.5) : List.of(9.5, 9.5, 9.5, 9.5))
                            .stream().map(v -> new java.math.BigDecimal(v.toString())).toList();
                    FeedbackSubmitted feedback = new FeedbackSubmitted(java.util.UUID.randomUUID(),
                            java.util.UUID.randomUUID(), client, "C-SCALE" + (char) ('A' + c % 26), therapist, "north",
                            LocalDate.of(2026, 1, 5).plusWeeks(n), "SRS", answers,
                            answers.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
                            Map.of("bond", answers.get(0), "goals", answers.get(1), "tasks", answers.get(2),
                                    "global", answers.get(3)),
                            java.time.Instant.parse("2026-01-05T10:00:00Z").plus(Duration.ofDays(7L * n)));
                    publishedByClient.computeIfAbsent(client, k -> new java.util.ArrayList<>())
                            .add(kafka.publish(feedback));
                }
            }
            String secondUrl = second.baseUrl();
            await("the second instance to take a share of the partitions").atMost(Duration.ofSeconds(60))
                    .until(() -> processed(secondUrl) > 0);
            System.out.printf("[e2e] second analytics instance applied %.0f events; stopping it mid-stream%n",
                    processed(secondUrl));
        } finally {
            second.close();
        }
        ConsumerProgress.awaitAllCaughtUp(stack.kafkaBootstrapServers(), Topics.SESSION_EVENTS, Duration.ofSeconds(90));
        assertTrue(processed(stack.service(Service.ANALYTICS).baseUrl()) > firstBefore, "the first instance applied some");

        List<String> ids = publishedByClient.values().stream().flatMap(List::stream).toList();
        Map<String, java.sql.Timestamp> appliedAt = new java.util.HashMap<>();
        try (var connection = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(Service.ANALYTICS.database()),
                org.alliancepulse.testinfra.servers.PostgresServer.USER,
                org.alliancepulse.testinfra.servers.PostgresServer.PASSWORD);
                var query = connection.prepareStatement("SELECT event_id, processed_at FROM inbox_processed_event "
                        + "WHERE consumer = 'alliance-analytics-service' AND event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", ids.toArray()));
            var rows = query.executeQuery();
            while (rows.next()) {
                assertTrue(appliedAt.put(rows.getString(1), rows.getTimestamp(2)) == null, "one inbox row per event");
            }
        }
        assertEquals(ids.size(), appliedAt.size(), "every event applied");
        assertEquals(ids.size(), rows(Service.ANALYTICS, "SELECT count(*) FROM feedback_measure WHERE therapist_id = '"
                + therapist + "'"), "every feedback measured once");
        publishedByClient.forEach((client, events) -> {
            for (int i = 1; i < events.size(); i++) {
                assertFalse(appliedAt.get(events.get(i)).before(appliedAt.get(events.get(i - 1))),
                        "client " + client + ": event " + i + " applied before event " + (i - 1));
            }
        });
        await("analytics' outbox to be relayed").atMost(Duration.ofSeconds(30))
                .until(() -> rows(Service.ANALYTICS, "SELECT count(*) FROM outbox_event") == 0);
        ConsumerProgress.awaitAllCaughtUp(stack.kafkaBootstrapServers(), Topics.INTAKE_EVENTS, Duration.ofSeconds(60));
        var alerts = await("one rupture alert per client on alliance-alerts").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.ALERT_RAISED, a -> a.therapistId().equals(therapist)
                        && a.kind().equals("RUPTURE")),
                found -> found.size() >= clients);
        assertEquals(clients, alerts.size(), "each alert announced once");
        assertEquals(clients, alerts.stream().map(a -> a.payload().alertId()).distinct().count());
    }

    private static double processed(String baseUrl) {
        String metrics = given().get(baseUrl + "/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("alliance_pulse_inbox_processed_total")
                        && line.contains("topic=\"session-events\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * A no-show, then a session the client answers on their own phone through the one-time link — no login — and
     * both reach Kafka as the events analytics learns from.
     */
    /**
     * The pages in a real browser: the therapist follows the emailed link, signs in at Keycloak, sees the alliance
     * chart with the rupture marked, and acknowledges an alert; the admin sees the network; another clinic's
     * therapist sees nothing. After the rupture and dropout-risk tests, whose alerts and emails it uses.
     */
    @Test
    @Order(Integer.MAX_VALUE - 30)
    void theTherapistFollowsTheEmailedLinkSignsInSeesTheRuptureAndAcknowledges() {
        String analytics = stack.baseUrl(Service.ANALYTICS);
        String ruptureLink = linkIn(ruptureMailsTo(DemoUsers.DR_NORTH_EMAIL));
        String riskLink = linkIn(mailsTo(DemoUsers.DR_NORTH_EMAIL).stream()
                .filter(m -> m.subject().toLowerCase(Locale.ROOT).contains("dropout")).toList());
        try (Browser therapist = Browser.open()) {
            therapist.visit(ruptureLink, DemoUsers.DR_NORTH);
            therapist.wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#chart canvas")).isEmpty());
            String marked = therapist.driver.findElement(org.openqa.selenium.By.id("chart"))
                    .getAttribute("data-ruptures-marked");
            assertTrue(Integer.parseInt(marked) >= 1, "the rupture is marked on the chart: " + marked);
            String page = therapist.text();
            assertTrue(page.contains("Rupture at session") && page.toLowerCase(Locale.ROOT).contains("bond"),
                    () -> "the page names the rupture and the pillar:\n" + page);
            // open: the advice; resolved (the repair may have arrived): how it ended, the advice folded away
            assertTrue(page.contains(clientCode) && (page.contains("What may help")
                    || page.contains("Resolved at session") && page.contains("What the alert meant and advised")),
                    () -> page);
            assertTrue(page.contains("scored sessions; mean index") && page.contains("no-shows"),
                    () -> "the page states the dyad's state:\n" + page);
            String source = therapist.driver.getPageSource();
            assertFalse(source.contains(FIRST_NAME) || source.contains(LAST_NAME) || source.contains(DATE_OF_BIRTH),
                    "no name or date of birth on the page (analytics has none)");
            therapist.screenshot("alert-page");

            therapist.visit(riskLink, DemoUsers.DR_NORTH);
            var acknowledge = therapist.wait.until(org.openqa.selenium.support.ui.ExpectedConditions
                    .elementToBeClickable(org.openqa.selenium.By.id("acknowledge")));
            acknowledge.click();
            therapist.wait.until(d -> d.findElement(org.openqa.selenium.By.id("alert-status")).getText()
                    .equals("acknowledged"));
            String riskId = riskLink.substring(riskLink.lastIndexOf('/') + 1);
            given().baseUri(analytics).auth().oauth2(stack.token(DemoUsers.DR_NORTH)).get("/api/alerts/" + riskId)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACKNOWLEDGED"))
                    .body("acknowledgedBy", org.hamcrest.Matchers.equalTo(DemoUsers.DR_NORTH));

            therapist.visit(analytics + "/alerts", DemoUsers.DR_NORTH);
            therapist.wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#alerts tbody tr")).isEmpty());
            therapist.screenshot("my-alerts");
        }
        try (Browser admin = Browser.open()) {
            admin.visit(analytics + "/network", DemoUsers.ADMIN);
            admin.wait.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#tiles .tile")).isEmpty());
            // each clinic by the name intake announced, not its id
            assertTrue(admin.text().contains("Active clients") && admin.text().contains("North Clinic"), admin::text);
            admin.screenshot("network");
        }
        try (Browser other = Browser.open()) {
            other.visit(ruptureLink, DemoUsers.DR_SOUTH);
            assertTrue(other.text().contains("Nothing to show"), other::text);
            assertFalse(other.text().contains(clientCode), "nothing of the client for another clinic's therapist");
        }
    }

    /** The alert link in the (only) email. */
    private static String linkIn(List<ReceivedMail> mails) {
        assertFalse(mails.isEmpty(), "an email with a link");
        var match = java.util.regex.Pattern.compile("https?://\\S+/alerts/[0-9a-f-]{36}").matcher(mails.get(0).body());
        assertTrue(match.find(), () -> "a link to the alert in " + mails.get(0).body());
        return match.group();
    }

    @Test
    @Order(Integer.MAX_VALUE - 20)
    void aNoShowThenASessionAnsweredThroughTheClientsOwnLinkWithoutLogin() {
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        String missed = post(session, "/api/sessions", staffNorth, Map.of("clientId", clientId,
                "scheduledAt", java.time.Instant.now().minus(Duration.ofDays(7)).toString()))
                .then().statusCode(201).extract().path("id");
        post(session, "/api/sessions/" + missed + "/attendance", staffNorth, Map.of("outcome", "NO_SHOW"))
                .then().statusCode(200);
        await("SessionNoShow on session-events").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.SESSION_NO_SHOW, e -> e.sessionId().toString().equals(missed)),
                found -> found.size() == 1);

        String attended = post(session, "/api/sessions", staffNorth, Map.of("clientId", clientId,
                "scheduledAt", java.time.Instant.now().minus(Duration.ofHours(2)).toString()))
                .then().statusCode(201).extract().path("id");
        post(session, "/api/sessions/" + attended + "/attendance", staffNorth, Map.of("outcome", "ATTENDED"))
                .then().statusCode(200);
        String url = post(session, "/api/sessions/" + attended + "/feedback-links", staffNorth,
                Map.of("instruments", List.of("SRS"))).then().statusCode(201).extract().path("url");
        // the stack gives session-service its public address: a request's Host header does not make the link
        String asked = given().auth().oauth2(staffNorth).header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("ORS"))).post(session + "/api/sessions/" + attended
                        + "/feedback-links").then().statusCode(201).extract().path("url");
        org.junit.jupiter.api.Assertions.assertTrue(url.startsWith(session + "/api/feedback/")
                && asked.startsWith(session + "/api/feedback/"), url + " / " + asked);
        // the client's phone: no token at all
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9.5, 9, 9))))
                .post(url).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("SRS", List.of(9, 9.5, 9, 9))))
                .post(url).then().statusCode(410);
        await("FeedbackSubmitted for the linked session").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.FEEDBACK_SUBMITTED, e -> e.sessionId().toString().equals(attended)),
                found -> found.size() == 1);
    }

    /**
     * The episode's story reaches session-service: a reassignment for fit moves new sessions to the new therapist,
     * and a discharge because the client stopped coming (DROPOUT) stops new sessions for the dyad.
     */
    @Test
    @Order(Integer.MAX_VALUE - 10)
    void aReassignmentForFitThenADropoutDischargeAreSeenBySessionService() {
        String admin = stack.token(DemoUsers.ADMIN);
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        String second = post(intake, "/api/therapists", admin, Map.of("clinicId", "north", "username", "dr-north-second",
                "displayName", "Dr. Second Opinion", "workEmail", "second@north.clinic.example"))
                .then().statusCode(201).extract().path("id");
        post(intake, "/api/clients/" + clientId + "/reassignment", staffNorth,
                Map.of("therapistId", second, "reason", "FIT")).then().statusCode(201);

        // each try at its own moment: until the reassignment arrives a try books with the first therapist, and the
        // same client at the same moment twice is one session (409)
        await("session-service to book for the new therapist").atMost(Duration.ofSeconds(30)).until(
                () -> post(session, "/api/sessions", staffNorth,
                        Map.of("clientId", clientId, "scheduledAt", java.time.Instant.now().toString())),
                response -> response.statusCode() == 201 && second.equals(response.path("therapistId")));

        post(intake, "/api/clients/" + clientId + "/discharge", staffNorth,
                Map.of("ending", "DROPOUT", "endDate", LocalDate.now().toString())).then().statusCode(200);
        var closed = await("EpisodeClosed on intake-events").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.EPISODE_CLOSED, e -> e.clientId().toString().equals(clientId)),
                found -> found.size() == 1);
        assertEquals("DROPOUT", closed.get(0).payload().ending().name());
        // after the episode's last day (sessions up to it may still be entered afterwards)
        await("session-service to refuse new sessions after the dropout").atMost(Duration.ofSeconds(30)).until(
                () -> post(session, "/api/sessions", staffNorth, Map.of("clientId", clientId, "scheduledAt",
                        java.time.Instant.now().plus(Duration.ofDays(2)).toString())),
                response -> response.statusCode() == 409 && response.asString().contains("episode of care has ended"));
    }

    /**
     * The client's right to erasure, across the system: after an admin erases the client in intake, no service
     * returns the name — intake keeps only the pseudonymous id and code, and the others never had more. Runs after
     * every test that uses the client, before the log check.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void afterErasureNoServiceReturnsTheClientsName() {
        String admin = stack.token(DemoUsers.ADMIN);
        String staffNorth = stack.token(DemoUsers.STAFF_NORTH);
        given().baseUri(intake).auth().oauth2(admin).delete("/api/clients/" + clientId).then().statusCode(204);

        var erased = await("ClientErased on intake-events").atMost(Duration.ofSeconds(30)).until(
                () -> kafka.published(EventTypes.CLIENT_ERASED, e -> e.clientId().toString().equals(clientId)),
                found -> found.size() == 1);
        assertEquals(clientCode, erased.get(0).payload().clientCode(), "the pseudonymous code stays");
        assertFalse(erased.get(0).record().value().contains(LAST_NAME), "no name on Kafka");

        for (Service service : Service.values()) {
            for (String path : List.of("/api/clients/" + clientId, "/api/clients/" + clientId + "/export",
                    "/api/dyads/" + clientId + "/alliance", "/api/sessions?clientId=" + clientId, "/api/alerts",
                    "/api/notifications")) {
                for (String token : List.of(admin, staffNorth)) {
                    String body = given().baseUri(stack.baseUrl(service)).auth().oauth2(token).get(path).asString();
                    assertFalse(body.contains(FIRST_NAME) || body.contains(LAST_NAME) || body.contains(DATE_OF_BIRTH),
                            () -> service.module() + " " + path + " returns the erased client's PHI: " + body);
                }
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last, so the logs hold everything the other tests made the services do
    void noServiceLogsTheClientsNameOrDateOfBirth() throws java.io.IOException {
        // the registration happened before any test; the other tests only add traffic that could log more
        for (Service service : Service.values()) {
            java.nio.file.Path log = stack.service(service).log();
            String text = java.nio.file.Files.readString(log);
            assertFalse(text.isBlank(), () -> service.module() + " wrote no log at " + log);
            for (String phi : List.of(FIRST_NAME, LAST_NAME, DATE_OF_BIRTH)) {
                assertFalse(text.contains(phi), () -> service.module() + " logged PHI (" + phi + ") in " + log);
            }
        }
    }

    /** The topics are the history a rebuild reads from the beginning: the broker's 7 days would lose it. */
    @Test
    void theEventTopicsAreKeptForGood() {
        for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.SESSION_EVENTS, Topics.ALLIANCE_ALERTS,
                Topics.NOTIFICATION_EVENTS)) {
            assertEquals("-1", kafka.topicConfig(topic, "retention.ms"), topic);
        }
    }

    @Test
    void staffOfAnotherClinicCannotCreateASessionForTheClient() {
        String staffSouth = stack.token(DemoUsers.STAFF_SOUTH);
        Map<String, Object> body = Map.of("clientId", clientId, "sessionDate", LocalDate.now().toString());
        // until session-service has learnt of the client (through Kafka) it answers 409 ("not arrived yet"); then
        // another clinic's staff get 404, the same answer as for a client that does not exist (no existence leak)
        AtomicReference<Response> answer = new AtomicReference<>();
        await("session-service to know the client").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    answer.set(post(session, "/api/sessions", staffSouth, body));
                    return answer.get().statusCode() != 409;
                });
        assertEquals(404, answer.get().statusCode(), () -> "staff of the south clinic on a north client: "
                + answer.get().asString());
        assertTrue(answer.get().contentType().startsWith("application/problem+json"),
                () -> "a problem+json error, got " + answer.get().contentType());
    }

    @Test
    void callsWithoutAValidTokenAreRefused() {
        Map<String, Object> body = Map.of("clientId", clientId, "sessionDate", LocalDate.now().toString());
        given().baseUri(session).contentType(ContentType.JSON).body(body)
                .post("/api/sessions").then().statusCode(401);
        given().baseUri(intake).contentType(ContentType.JSON)
                .body(Map.of("clinicId", "north", "firstName", "A", "lastName", "B", "dateOfBirth", "2000-01-01"))
                .post("/api/clients").then().statusCode(401);
        given().baseUri(session).contentType(ContentType.JSON).body(body).auth().oauth2("not-a-token")
                .post("/api/sessions").then().statusCode(401);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Response post(String baseUrl, String path, String token, Object body) {
        return given().baseUri(baseUrl).auth().oauth2(token)
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body)
                .post(path);
    }

    private String createSessionOnceKnown(String token, LocalDate sessionDate) {
        return createSessionOnceKnown(token, clientId, sessionDate);
    }

    private String createSessionOnceKnown(String token, String client, LocalDate sessionDate) {
        Map<String, Object> body = Map.of("clientId", client, "sessionDate", sessionDate.toString());
        AtomicReference<String> sessionId = new AtomicReference<>();
        await("session-service to know the assignment").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Response response = post(session, "/api/sessions", token, body);
                    if (response.statusCode() == 409) {
                        return false; // session-service does not know the assignment yet
                    }
                    if (response.statusCode() != 201) {
                        fail("POST /api/sessions answered " + response.statusCode() + ": " + response.asString());
                    }
                    sessionId.set(response.path("id"));
                    return true;
                });
        assertNotNull(sessionId.get(), "session id");
        return sessionId.get();
    }

    /** Mail whose recipients include the address, with or without a display name ("Dr. N <address>"). */
    private static List<ReceivedMail> mailsTo(String address) {
        return stack.mail().received().stream()
                .filter(m -> m.to().stream().anyMatch(to -> to.equals(address) || to.endsWith("<" + address + ">")))
                .toList();
    }

    private static boolean mentionsDate(String text, LocalDate date) {
        return List.of("yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "dd.MM.yyyy").stream()
                .map(pattern -> date.format(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)))
                .anyMatch(text::contains);
    }

    private static void assertNoPhiNorScores(String text) {
        assertFalse(text.contains(FIRST_NAME), () -> "no first name in the email:\n" + text);
        assertFalse(text.contains(LAST_NAME), () -> "no last name in the email:\n" + text);
        assertFalse(text.contains(CLIENT_EMAIL) || text.contains("ingrid"), () -> "no client email:\n" + text);
        assertFalse(text.replace(" ", "").contains("91234567"), () -> "no client phone:\n" + text);
        // ids (UUIDs) and local URLs' ports are random: they may contain these digits by chance and are not PHI
        String withoutIds = text
                .replaceAll("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "<host>");
        assertFalse(withoutIds.contains("1987"), () -> "no date of birth in the email:\n" + text);
        for (String score : List.of("30.5", "30,5", "7.5", "7,5")) {
            assertFalse(withoutIds.contains(score), () -> "no scores in the email (" + score + "):\n" + text);
        }
    }

    /** A count from a service's own database, read directly: how the test knows nothing is left in flight there. */
    private static long rows(Service service, String countQuery) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(stack.postgres().jdbcUrl(service.database()),
                org.alliancepulse.testinfra.servers.PostgresServer.USER,
                org.alliancepulse.testinfra.servers.PostgresServer.PASSWORD);
                var statement = connection.createStatement();
                var result = statement.executeQuery(countQuery)) {
            result.next();
            return result.getLong(1);
        }
    }
}
