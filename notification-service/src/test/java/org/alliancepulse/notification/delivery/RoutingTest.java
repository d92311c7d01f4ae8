package org.alliancepulse.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.alliancepulse.notification.delivery.AlertNotification.Purpose;
import org.alliancepulse.notification.delivery.AlertNotification.Recipient;
import org.alliancepulse.notification.delivery.Recipients.Supervisor;
import org.alliancepulse.notification.delivery.Recipients.Therapist;
import org.alliancepulse.notification.delivery.Routing.Decision;
import org.alliancepulse.notification.preferences.Preferences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who gets which email, and when: the table is the rule. */
class RoutingTest {

    /** 10:00 in Oslo (UTC+1). */
    private static final Instant MORNING = Instant.parse("2026-11-27T09:00:00Z");
    /** 23:00 in Oslo. */
    private static final Instant NIGHT = Instant.parse("2026-11-27T22:00:00Z");

    private static final Therapist ACTIVE = new Therapist(UUID.randomUUID(), "Dr North", "north@clinic.example",
            "north", true);
    private static final Therapist GONE = new Therapist(ACTIVE.id(), "Dr North", "north@clinic.example", "north",
            false);
    private static final Supervisor SUPERVISOR = new Supervisor("north", "North Clinic", "lead@north.example");

    /**
     * @param therapist ACTIVE, INACTIVE or UNKNOWN
     * @param supervisor whether the clinic has a supervisor address
     * @param prefs IMMEDIATE, QUIET (21:00-07:00), DIGEST (at 8), SKIP (RUPTURE and FIT_CONCERN skipped)
     * @param expected SEND_THERAPIST, SEND_SUPERVISOR, SEND_SUPERVISOR_INSTEAD, WAIT_THERAPIST, WAIT_SUPERVISOR,
     *        DEFER, DIGEST, SKIP
     * @param alertWentTo SUPERVISOR_HAD_IT when the alert's own email went to the supervisor instead; else empty
     */
    @ParameterizedTest(name = "{0} {1}, therapist {2}, supervisor {3}, {4}, {5}, {7}: {6}")
    @CsvSource({
            // the alert itself
            "ALERT, RUPTURE,            ACTIVE,   true,  IMMEDIATE, MORNING, SEND_THERAPIST,",
            "ALERT, RUPTURE,            ACTIVE,   true,  QUIET,     NIGHT,   DEFER,",
            "ALERT, RUPTURE,            ACTIVE,   true,  QUIET,     MORNING, SEND_THERAPIST,",
            "ALERT, RUPTURE,            ACTIVE,   true,  DIGEST,    MORNING, DIGEST,",
            "ALERT, RUPTURE,            ACTIVE,   true,  SKIP,      MORNING, SKIP,",
            "ALERT, FIT_CONCERN,        ACTIVE,   true,  SKIP,      MORNING, SKIP,",
            "ALERT, DROPOUT_RISK,       ACTIVE,   true,  SKIP,      MORNING, SEND_THERAPIST,",
            "ALERT, UNRESOLVED_RUPTURE, ACTIVE,   true,  SKIP,      NIGHT,   SEND_THERAPIST,",
            "ALERT, LOW_ALLIANCE,       ACTIVE,   true,  IMMEDIATE, MORNING, SKIP,",
            "ALERT, WATCH,              ACTIVE,   true,  IMMEDIATE, MORNING, SKIP,",
            "ALERT, RUPTURE,            UNKNOWN,  true,  IMMEDIATE, MORNING, WAIT_THERAPIST,",
            "ALERT, RUPTURE,            INACTIVE, true,  IMMEDIATE, MORNING, SEND_SUPERVISOR_INSTEAD,",
            "ALERT, RUPTURE,            INACTIVE, true,  QUIET,     NIGHT,   SEND_SUPERVISOR_INSTEAD,",
            "ALERT, RUPTURE,            INACTIVE, false, IMMEDIATE, MORNING, WAIT_SUPERVISOR,",
            // escalation: the supervisor, whatever the therapist's settings
            "ESCALATION, RUPTURE,       ACTIVE,   true,  QUIET,     NIGHT,   SEND_SUPERVISOR,",
            "ESCALATION, DROPOUT_RISK,  UNKNOWN,  true,  IMMEDIATE, MORNING, SEND_SUPERVISOR,",
            "ESCALATION, RUPTURE,       ACTIVE,   false, IMMEDIATE, MORNING, WAIT_SUPERVISOR,",
            // ... who had not been sent the alert itself: its therapist left after it was emailed to them
            "ESCALATION, RUPTURE,       INACTIVE, true,  IMMEDIATE, MORNING, SEND_SUPERVISOR,",
            // the supervisor had the alert in the inactive therapist's place: no second email about it
            "ESCALATION, RUPTURE,       INACTIVE, true,  IMMEDIATE, MORNING, SKIP, SUPERVISOR_HAD_IT",
            "ESCALATION, DROPOUT_RISK,  INACTIVE, false, IMMEDIATE, MORNING, SKIP, SUPERVISOR_HAD_IT",
            // resolved note
            "RESOLVED, RUPTURE,         ACTIVE,   true,  IMMEDIATE, MORNING, SEND_THERAPIST,",
            "RESOLVED, RUPTURE,         ACTIVE,   true,  QUIET,     NIGHT,   DEFER,",
            "RESOLVED, RUPTURE,         INACTIVE, true,  IMMEDIATE, MORNING, SKIP,",
            // digest: at the hour the therapist chose, quiet hours or not
            "DIGEST, ,                  ACTIVE,   true,  DIGEST,    NIGHT,   SEND_THERAPIST,",
            "DIGEST, ,                  UNKNOWN,  true,  DIGEST,    MORNING, WAIT_THERAPIST,",
            "DIGEST, ,                  INACTIVE, true,  DIGEST,    MORNING, SKIP,",
    })
    void decides(Purpose purpose, String kind, String therapist, boolean supervisor, String prefs, String at,
            String expected, String alertWentTo) {
        Optional<Therapist> who = switch (therapist) {
            case "ACTIVE" -> Optional.of(ACTIVE);
            case "INACTIVE" -> Optional.of(GONE);
            default -> Optional.empty();
        };
        Instant now = at.equals("NIGHT") ? NIGHT : MORNING;
        Decision decision = Routing.decide(purpose, kind, who, supervisor ? Optional.of(SUPERVISOR) : Optional.empty(),
                "SUPERVISOR_HAD_IT".equals(alertWentTo), preferences(prefs), now);
        assertEquals(expected, name(decision), () -> decision.toString());
        if (decision instanceof Routing.Defer defer) {
            assertEquals(Instant.parse("2026-11-28T06:00:00Z"), defer.until(), "07:00 in Oslo");
        }
        if (decision instanceof Routing.ToDigest digest) {
            assertEquals(Instant.parse("2026-11-28T07:00:00Z"), digest.digestAt(), "tomorrow 08:00 in Oslo");
        }
    }

    private static Preferences preferences(String name) {
        ZoneId oslo = ZoneId.of("Europe/Oslo");
        return switch (name) {
            case "QUIET" -> new Preferences(Preferences.Delivery.IMMEDIATE, 8, oslo, LocalTime.of(21, 0),
                    LocalTime.of(7, 0), Set.of(), false);
            case "DIGEST" -> new Preferences(Preferences.Delivery.DAILY_DIGEST, 8, oslo, LocalTime.of(21, 0),
                    LocalTime.of(7, 0), Set.of(), false);
            // the never-skipped kinds cannot get in through the API; the rule holds even if they did
            case "SKIP" -> new Preferences(Preferences.Delivery.IMMEDIATE, 8, oslo, null, null,
                    Set.of("RUPTURE", "FIT_CONCERN", "DROPOUT_RISK", "UNRESOLVED_RUPTURE"), false);
            default -> Preferences.defaults(oslo);
        };
    }

    private static String name(Decision decision) {
        if (decision instanceof Routing.Send send) {
            if (send.role() == Recipient.THERAPIST) {
                return "SEND_THERAPIST";
            }
            return send.insteadOfTherapist() ? "SEND_SUPERVISOR_INSTEAD" : "SEND_SUPERVISOR";
        }
        if (decision instanceof Routing.WaitForTherapist) {
            return "WAIT_THERAPIST";
        }
        if (decision instanceof Routing.WaitForSupervisor) {
            return "WAIT_SUPERVISOR";
        }
        if (decision instanceof Routing.Defer) {
            return "DEFER";
        }
        if (decision instanceof Routing.ToDigest) {
            return "DIGEST";
        }
        return "SKIP";
    }
}
