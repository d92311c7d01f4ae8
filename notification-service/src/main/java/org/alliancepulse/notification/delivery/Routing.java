package org.alliancepulse.notification.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.alliancepulse.notification.delivery.Recipients.Supervisor;
import org.alliancepulse.notification.delivery.Recipients.Therapist;
import org.alliancepulse.notification.preferences.DeliveryTimes;
import org.alliancepulse.notification.preferences.Preferences;

/**
 * Who gets an email, and when: the one decision the mailer makes before it sends, pure so that its table
 * (RoutingTest) is the specification.
 * <ul>
 * <li>An alert's own email goes to its therapist — unless they are no longer active, then to the clinic's
 * supervisor, saying why. A kind the therapist skips is not sent; in digest mode it waits for the next digest;
 * in quiet hours it waits for their end.</li>
 * <li>An escalation goes to the clinic's supervisor (no quiet hours: a supervisor address is a clinic's, not a
 * person's evening) — unless the supervisor was sent the alert itself, in the inactive therapist's place: it would
 * only tell them again what they were told first.</li>
 * <li>A resolved note goes to an active therapist who asked for them, after quiet hours.</li>
 * <li>A digest goes to its therapist at the hour they chose; not to one no longer active (its alerts are decided
 * again, and go to the supervisor).</li>
 * </ul>
 * Nobody to send to (therapist not in the directory yet, clinic without a supervisor address) is a wait, never a
 * failure: the email goes once they are known.
 */
public final class Routing {

    /** The kinds an unacknowledged alert of is escalated to the supervisor. */
    public static final Set<String> ESCALATED_KINDS = Set.of("RUPTURE", "UNRESOLVED_RUPTURE", "DROPOUT_RISK");

    /** The kinds that are emailed at all; WATCH and LOW_ALLIANCE are flags in the app, never emails. */
    public static final Set<String> EMAILED_KINDS = Set.of("RUPTURE", "UNRESOLVED_RUPTURE", "FIT_CONCERN",
            "DROPOUT_RISK");

    private Routing() {
    }

    /** What to do with one due email. */
    public sealed interface Decision {
    }

    /**
     * Send it now.
     *
     * @param insteadOfTherapist the supervisor receives a therapist's alert because the therapist is not active
     */
    public record Send(AlertNotification.Recipient role, String name, String email, boolean insteadOfTherapist)
            implements Decision {
    }

    public record WaitForTherapist() implements Decision {
    }

    public record WaitForSupervisor() implements Decision {
    }

    /** Quiet hours: due again when they end. */
    public record Defer(Instant until) implements Decision {
    }

    /** Digest mode: listed by the digest of that instant. */
    public record ToDigest(Instant digestAt) implements Decision {
    }

    /** Not to be sent at all; the reason is recorded. */
    public record Skip(String reason) implements Decision {
    }

    /**
     * @param supervisorHadTheAlert the alert's own email went (or is going) to the supervisor, in the therapist's place
     */
    public static Decision decide(AlertNotification.Purpose purpose, String kind, Optional<Therapist> therapist,
            Optional<Supervisor> supervisor, boolean supervisorHadTheAlert, Preferences preferences, Instant now) {
        return switch (purpose) {
            case ESCALATION -> supervisorHadTheAlert ? new Skip("SUPERVISOR_HAD_THE_ALERT")
                    : toSupervisor(supervisor, false);
            case DIGEST -> therapist.isEmpty() ? new WaitForTherapist()
                    // its alerts are decided again, and go to the supervisor
                    : therapist.get().active() ? toTherapist(therapist.get()) : new Skip("THERAPIST_NOT_ACTIVE");
            case RESOLVED -> {
                if (therapist.isEmpty()) {
                    yield new WaitForTherapist();
                }
                if (!therapist.get().active()) {
                    yield new Skip("THERAPIST_NOT_ACTIVE");
                }
                yield DeliveryTimes.quietUntil(preferences, now).<Decision> map(Defer::new)
                        .orElseGet(() -> toTherapist(therapist.get()));
            }
            case ALERT -> {
                if (!EMAILED_KINDS.contains(kind)) {
                    yield new Skip("NOT_EMAILED_KIND");
                }
                if (therapist.isEmpty()) {
                    yield new WaitForTherapist();
                }
                if (!therapist.get().active()) {
                    yield toSupervisor(supervisor, true);
                }
                if (preferences.skippedKinds().contains(kind) && !Preferences.NEVER_SKIPPED.contains(kind)) {
                    yield new Skip("KIND_SKIPPED_BY_THERAPIST");
                }
                if (preferences.delivery() == Preferences.Delivery.DAILY_DIGEST) {
                    yield new ToDigest(DeliveryTimes.nextDigest(preferences, now));
                }
                yield DeliveryTimes.quietUntil(preferences, now).<Decision> map(Defer::new)
                        .orElseGet(() -> toTherapist(therapist.get()));
            }
        };
    }

    private static Decision toTherapist(Therapist therapist) {
        return new Send(AlertNotification.Recipient.THERAPIST, therapist.displayName(), therapist.workEmail(), false);
    }

    private static Decision toSupervisor(Optional<Supervisor> supervisor, boolean insteadOfTherapist) {
        return supervisor.<Decision> map(s -> new Send(AlertNotification.Recipient.SUPERVISOR, s.clinicName(),
                s.email(), insteadOfTherapist)).orElseGet(WaitForSupervisor::new);
    }
}
