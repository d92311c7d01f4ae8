package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.alliancepulse.notification.delivery.AlertNotification.Purpose;
import org.alliancepulse.notification.delivery.AlertNotification.Recipient;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every email template, rendered by the service's own Qute engine: what each says, and that none can carry anything
 * about the client but the code — checked over every template with every field filled.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class EmailTemplatesTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 11, 26);
    private static final List<String> ALL_PILLARS = List.of("BOND", "GOALS", "TASKS");
    private static final List<String> ALL_FACTORS = List.of("EARLY_NO_SHOW", "RECENT_MISSED_SESSIONS",
            "LOW_ALLIANCE", "FALLING_ALLIANCE", "UNRESOLVED_RUPTURE", "NO_ORS_IMPROVEMENT", "ORS_DETERIORATION",
            "FEEDBACK_SKIPPED", "OVERDUE", "LATEST_NO_SHOW");
    private static final List<String> KINDS = List.of("RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN",
            "DROPOUT_RISK");
    private static final List<String> RESOLUTIONS = List.of("REPAIRED", "ESCALATED", "FIT_IMPROVED",
            "RISK_CLEARED", "EPISODE_CLOSED", "REASSIGNED", "WITHDRAWN");
    private static final Routing.Send TO_THERAPIST = new Routing.Send(Recipient.THERAPIST, "Dr Okafor",
            "okafor@clinic.example", false);
    private static final Routing.Send TO_SUPERVISOR = new Routing.Send(Recipient.SUPERVISOR, "North Clinic",
            "lead@north.example", false);
    private static final Routing.Send INSTEAD = new Routing.Send(Recipient.SUPERVISOR, "North Clinic",
            "lead@north.example", true);

    @Inject
    Emails emails;

    private static AlertNotification notification(Purpose purpose, String kind) {
        AlertNotification n = AlertNotification.due(purpose, UUID.fromString("7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b"),
                kind, UUID.randomUUID(), "C-ABCDEF", UUID.randomUUID(), SESSION, Instant.now());
        n.pillars = String.join(",", ALL_PILLARS);
        n.factors = String.join(",", ALL_FACTORS);
        n.resolution = "REPAIRED";
        return n;
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
            "RUPTURE, alliance rupture, an",
            "UNRESOLVED_RUPTURE, unresolved rupture, an",
            "FIT_CONCERN, fit concern, a",
            "DROPOUT_RISK, dropout risk, a",
    })
    void theAlertEmailSaysWhatKindWhoAndWhenAndLinksToTheAlert(String kind, String words, String article) {
        AlertEmail email = emails.alert(notification(Purpose.ALERT, kind), TO_THERAPIST, "Dr Okafor");

        assertEquals("Alliance Pulse: " + words + " alert for client C-ABCDEF", email.subject());
        for (String part : List.of(email.text(), email.html())) {
            assertTrue(part.contains(article + " " + words) || part.contains(article + " <strong>" + words),
                    part);
            assertTrue(part.contains("(" + kind + ") for client"), part);
            assertTrue(part.contains("C-ABCDEF"), part);
            assertTrue(part.contains("Thursday 26 November 2026 (2026-11-26)"), part);
            assertTrue(part.contains("http://127.0.0.1:8083/alerts/7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b"), part);
            assertTrue(part.contains("Dear Dr Okafor,"), part);
        }
        assertTrue(email.text().startsWith("Dear Dr Okafor,"), email.text());
        assertTrue(email.html().contains("<a href=\"http://127.0.0.1:8083/alerts/"), email.html());
        assertEquals("<alert-7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b@alliancepulse>", email.messageId());
    }

    @Test
    void aRuptureSaysWhichPillarFellAndWhatToDoAtTheNextSession() {
        AlertNotification n = notification(Purpose.ALERT, "RUPTURE");
        n.pillars = "BOND,GOALS";
        String text = emails.alert(n, TO_THERAPIST, "Dr Okafor").text();
        assertTrue(text.contains("above all the bond (the relationship) and agreement on goals."), text);
        assertTrue(text.contains("At the next session: name what you noticed"), text);
    }

    @Test
    void aDropoutRiskNamesItsLargestFactorsInWords() {
        AlertNotification n = notification(Purpose.ALERT, "DROPOUT_RISK");
        n.factors = "EARLY_NO_SHOW,LOW_ALLIANCE,OVERDUE";
        String text = emails.alert(n, TO_THERAPIST, "Dr Okafor").text();
        assertTrue(text.contains("mainly a missed session early in therapy, a low alliance so far and longer than "
                + "usual since the last session."), text);
        assertTrue(text.contains("Reach out before the next appointment"), text);
    }

    @Test
    void anAlertForATherapistWhoIsNotActiveSaysWhyTheSupervisorGetsIt() {
        AlertEmail email = emails.alert(notification(Purpose.ALERT, "RUPTURE"), INSTEAD, "Dr Okafor");
        assertTrue(email.subject().endsWith("(for Dr Okafor)"), email.subject());
        assertTrue(email.text().startsWith("This alert is for Dr Okafor, who is not active at the clinic at present,"
                + " so it comes to the clinic's supervisor address instead."), email.text());
        assertTrue(email.text().contains("Dear colleague at North Clinic,"), email.text());
    }

    @Test
    void theEscalationTellsTheSupervisorWhatWentUnacknowledgedForHowLong() {
        AlertEmail email = emails.escalation(notification(Purpose.ESCALATION, "DROPOUT_RISK"), TO_SUPERVISOR,
                "Dr Okafor");
        assertEquals("Alliance Pulse: dropout risk alert for client C-ABCDEF not acknowledged (escalation)",
                email.subject());
        assertTrue(email.text().contains("A dropout risk alert (DROPOUT_RISK) for client C-ABCDEF of therapist Dr"
                + " Okafor, raised after the session on Thursday 26 November 2026 (2026-11-26), has not been"
                + " acknowledged within 72 hours."), email.text());
        assertEquals("<escalation-7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b@alliancepulse>", email.messageId());
    }

    @Test
    void theResolvedNoteSaysHowInWords() {
        AlertNotification repaired = notification(Purpose.RESOLVED, "RUPTURE");
        repaired.resolution = "REPAIRED";
        repaired.resolvedOn = SESSION;
        AlertEmail email = emails.resolved(repaired, TO_THERAPIST);
        assertEquals("Alliance Pulse: alliance rupture alert for client C-ABCDEF resolved", email.subject());
        assertTrue(email.text().contains("is resolved: the alliance is back at its usual level (repaired), at the"
                + " session on Thursday 26 November 2026."), email.text());
        assertTrue(email.text().contains("/alerts/" + repaired.alertId), email.text());
    }

    /**
     * A change of therapist is told on the day it took effect, not as a session (outside probe: "at the session on"
     * the last session's day), and without a link the former therapist could no longer open.
     */
    @Test
    void aResolutionByAChangeOfTherapistIsToldOnItsDayWithoutALink() {
        AlertNotification moved = notification(Purpose.RESOLVED, "FIT_CONCERN");
        moved.resolution = "REASSIGNED";
        moved.resolvedOn = LocalDate.of(2026, 11, 29);
        AlertEmail email = emails.resolved(moved, TO_THERAPIST);
        assertTrue(email.text().contains(", on Sunday 29 November 2026."), email.text());
        assertFalse(email.text().contains("at the session"), email.text());
        assertFalse(email.text().contains("/alerts/") || email.html().contains("/alerts/"), email.text());
        assertTrue(email.text().contains("stays with your clinic's staff"), email.text());
    }

    @Test
    void theDigestListsEachAlertWithItsLink() {
        AlertNotification digest = new AlertNotification();
        digest.id = UUID.randomUUID();
        digest.purpose = Purpose.DIGEST;
        digest.digestAt = Instant.parse("2026-11-27T07:00:00Z");
        List<AlertNotification> items = List.of(notification(Purpose.ALERT, "RUPTURE"),
                notification(Purpose.ALERT, "FIT_CONCERN"));
        items.get(1).clientCode = "C-XYZ123";
        AlertEmail email = emails.digest(digest, items, TO_THERAPIST, ZoneId.of("Europe/Oslo"));
        assertEquals("Alliance Pulse: your daily digest, 2 alerts", email.subject());
        assertTrue(email.text().contains("Your Alliance Pulse digest for Friday 27 November 2026: 2 alerts"),
                email.text());
        assertTrue(email.text().contains("- alliance rupture (RUPTURE) for client C-ABCDEF, session on 2026-11-26"),
                email.text());
        assertTrue(email.text().contains("- fit concern (FIT_CONCERN) for client C-XYZ123"), email.text());
        assertEquals(2, email.html().split("<li>").length - 1, email.html());
    }

    /**
     * The privacy check: every template, every kind, every resolution, every pillar and factor filled in. Nothing
     * but words, the code, the session date, the link and staff names may appear: no digit is left once those are
     * taken out (a score or an answer would be digits), and no enum name leaks unexplained.
     */
    @Test
    void noEmailOfAnyKindCarriesANumberAboutTheClient() {
        List<AlertEmail> all = new ArrayList<>();
        for (String kind : KINDS) {
            all.add(emails.alert(notification(Purpose.ALERT, kind), TO_THERAPIST, "Dr Okafor"));
            all.add(emails.alert(notification(Purpose.ALERT, kind), INSTEAD, "Dr Okafor"));
            all.add(emails.escalation(notification(Purpose.ESCALATION, kind), TO_SUPERVISOR, "Dr Okafor"));
            for (String resolution : RESOLUTIONS) {
                AlertNotification n = notification(Purpose.RESOLVED, kind);
                n.resolution = resolution;
                n.resolvedOn = SESSION;
                all.add(emails.resolved(n, TO_THERAPIST));
            }
        }
        AlertNotification digest = new AlertNotification();
        digest.id = UUID.fromString("00000000-0000-4000-8000-000000000000");
        digest.digestAt = Instant.parse("2026-11-26T07:00:00Z");
        all.add(emails.digest(digest, KINDS.stream().map(k -> notification(Purpose.ALERT, k)).toList(), TO_THERAPIST,
                ZoneId.of("UTC")));
        assertEquals(KINDS.size() * (3 + RESOLUTIONS.size()) + 1, all.size());
        writeSamples(all); // what docs/emails.md shows
        for (AlertEmail email : all) {
            for (String part : List.of(email.subject(), email.text(), email.html())) {
                assertNotNull(part);
                // what a reader sees: the HTML part without its tags (their style attributes hold digits)
                String rest = part.replaceAll("<[^>]*>", "").replace("7d0c1a52-3f7e-4b7e-9a55-2f0f6f1d2c3b", "")
                        .replace("http://127.0.0.1:8083", "").replace("2026-11-26", "")
                        .replace("26 November 2026", "").replace("72 hours", "")
                        .replace(KINDS.size() + " alert", ""); // the digest's count of alerts
                assertFalse(rest.chars().anyMatch(Character::isDigit), () -> "a digit in:\n" + part);
                Stream.concat(ALL_PILLARS.stream(), ALL_FACTORS.stream()).filter(name -> !KINDS.contains(name))
                        .forEach(name -> assertFalse(part.contains(name), () -> name + " unexplained in:\n" + part));
            }
        }
    }

    /** Every rendered email, subject and text part, into target/email-samples.txt (docs/emails.md quotes them). */
    private static void writeSamples(List<AlertEmail> all) {
        StringBuilder samples = new StringBuilder();
        all.forEach(e -> samples.append("Subject: ").append(e.subject()).append("\n\n").append(e.text())
                .append("\n-----\n"));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "email-samples.txt"), samples);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
