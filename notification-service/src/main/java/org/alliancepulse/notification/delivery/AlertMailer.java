package org.alliancepulse.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.alliancepulse.contracts.notification.NotificationFailed;
import org.alliancepulse.contracts.notification.NotificationSent;
import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.notification.delivery.AlertNotification.Purpose;
import org.alliancepulse.notification.delivery.AlertNotification.Status;
import org.alliancepulse.notification.delivery.Recipients.Therapist;
import org.alliancepulse.notification.preferences.Preferences;
import org.alliancepulse.notification.preferences.PreferencesBook;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.work.Backoff;
import org.alliancepulse.platform.work.Retry;
import org.alliancepulse.platform.work.BackgroundWorker;
import org.alliancepulse.platform.work.BackgroundWorker.Round;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the emails the delivery log says are due, in rounds of three steps, so that no database transaction and no
 * row lock is ever held while the SMTP server is being talked to:
 * <ol>
 * <li><b>Digests</b> (transaction 0): for every therapist whose digest time has come and who has alerts waiting for
 * it, one DIGEST row — {@code INSERT ... ON CONFLICT DO NOTHING} on (therapist, digest time), so two instances
 * (or a restart) make one.</li>
 * <li><b>Claim</b> (transaction 1): due rows — PENDING whose next attempt is due, and SENDING whose claim is older
 * than {@code claim-timeout} — are locked with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work.
 * {@link Routing} decides each one: sent now (marked SENDING with the claim time), deferred to the end of the
 * therapist's quiet hours, put in their next digest, skipped, or waiting for a recipient (therapist not in the
 * directory yet, clinic without a supervisor address) — none of these spends an attempt; {@link WaitingAlerts}
 * makes a waiting row PENDING when its recipient arrives, however late.</li>
 * <li><b>Send</b> (no transaction): the claimed emails one by one, each waiting at most {@code smtp-timeout} for the
 * server. The Message-ID is derived from the alert id ({@link AlertEmail#messageId}), so a resend is recognisably
 * the same email.</li>
 * <li><b>Record</b> (transaction 2, one per email): SENT and {@code NotificationSent}; or PENDING after back-off
 * with the failure's exception type as {@code last_error}; or FAILED and {@code NotificationFailed} after
 * {@code max-attempts}. A result is recorded only while the row still carries the version its claim committed.</li>
 * </ol>
 * <p>
 * <b>Crash window.</b> If an instance dies (or is stopped) after the SMTP server accepted an email and before
 * transaction 2 committed, the row stays SENDING and is claimed and sent again by the first round that runs once
 * {@code claim-timeout} has passed since the claim: each such crash causes at most one duplicate email, with the
 * same Message-ID. SMTP offers no way to close that gap, and one duplicate beats a lost alert. No live sender is
 * overtaken: {@code claim-timeout} must exceed {@code smtp-timeout} (checked at start), and an email is not started
 * when its claim could expire before its send would time out — it is released to PENDING instead.
 * <p>
 * One more way to a duplicate: the Vert.x mail client cannot cancel a send, so a server that accepts an email after
 * it was given up at the timeout delivers it, and the retry delivers it again (a warning is logged when seen).
 */
@ApplicationScoped
public class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);

    private static final String DUE = """
            SELECT * FROM alert_notification
            WHERE (status = 'PENDING' AND next_attempt_at <= :dueBy)
               OR (status = 'SENDING' AND claimed_at <= :abandonedBefore)
            ORDER BY next_attempt_at LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    ReactiveMailer smtp;

    @Inject
    Recipients recipients;

    @Inject
    PreferencesBook preferences;

    @Inject
    Emails emails;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry meters;

    private Backoff backoff;
    private final Retry recordRetry = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(3), e -> false,
            delay -> Thread.sleep(delay.toMillis()));
    private BackgroundWorker worker;

    /**
     * An email claimed in transaction 1, with what transaction 2 needs to record its result.
     *
     * @param listed a digest's alerts (their delivery rows), marked SENT with it
     */
    private record Claimed(UUID id, long version, UUID alertId, Instant claimedAt, Mail mail, List<UUID> listed) {
    }

    /**
     * Alerts put in a digest whose row was already sent or cancelled (a claim that decided just before the digest
     * time and committed just after another instance had sent it): decided again, or they would wait forever.
     */
    private static final String RELEASE_ORPHANS = """
            UPDATE alert_notification i
            SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE i.status = 'IN_DIGEST' AND i.next_attempt_at <= :dueBy
              AND EXISTS (SELECT 1 FROM alert_notification d
                          WHERE d.purpose = 'DIGEST' AND d.therapist_id = i.therapist_id
                            AND d.digest_at = i.next_attempt_at AND d.status IN ('SENT', 'CANCELLED', 'FAILED'))
            """;

    /** A digest that is not sent (its therapist is no longer active): its alerts are decided again. */
    private static final String REDECIDE_LISTED = """
            UPDATE alert_notification
            SET status = 'PENDING', next_attempt_at = :now, version = version + 1
            WHERE therapist_id = :therapist AND status = 'IN_DIGEST' AND next_attempt_at = :digestAt
            """;

    private static final String ASSEMBLE_DIGESTS = """
            INSERT INTO alert_notification (id, purpose, recipient, therapist_id, clinic_id, digest_at, status,
                                            attempts, next_attempt_at, created_at, version)
            SELECT gen_random_uuid(), 'DIGEST', 'THERAPIST', therapist_id, min(clinic_id), next_attempt_at, 'PENDING',
                   0, next_attempt_at, :now, 0
            FROM alert_notification
            WHERE status = 'IN_DIGEST' AND next_attempt_at <= :dueBy
            GROUP BY therapist_id, next_attempt_at
            ON CONFLICT (therapist_id, digest_at) WHERE purpose = 'DIGEST' DO NOTHING
            """;

    /** What one claiming transaction decided: the emails to send, out of how many due rows. */
    private record Claim(int due, List<Claimed> emails) {
    }

    @PostConstruct
    void checkConfig() {
        if (config.claimTimeout().compareTo(config.smtpTimeout()) <= 0) {
            throw new IllegalStateException("alliance-pulse.notification.claim-timeout must be longer than smtp-timeout,"
                    + " or a slow send would be taken over and sent twice");
        }
        backoff = new Backoff(config.firstRetryDelay(), config.maxRetryDelay());
    }

    void start(@Observes StartupEvent startup) {
        // every outcome at 0 from the start, so a dashboard reads 0 rather than "no data" until the first one
        for (String outcome : List.of("sent", "retry", "failed", "waiting", "deferred", "digested", "skipped")) {
            meters.counter("alliance_pulse.notification.emails", "outcome", outcome);
        }
        worker = new BackgroundWorker("alert-mailer", () -> deliverDue(smtp, Instant.now()), config.pollInterval(),
                Duration.ofMinutes(1));
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop();
    }

    public BackgroundWorker worker() {
        return worker;
    }

    /**
     * One round: claims what is due by {@code dueBy}, sends it through {@code mailServer}, records each result.
     * The background worker calls it with the configured mailer and the current time.
     */
    Round deliverDue(ReactiveMailer mailServer, Instant dueBy) {
        int digests = QuarkusTransaction.requiringNew().call(() -> {
            int orphans = entityManager.createNativeQuery(RELEASE_ORPHANS).setParameter("now", Instant.now())
                    .setParameter("dueBy", dueBy).executeUpdate();
            if (orphans > 0) {
                LOG.warnf("%d alert(s) missed their digest (decided as it was sent); decided again", orphans);
            }
            return entityManager.createNativeQuery(ASSEMBLE_DIGESTS).setParameter("now", Instant.now())
                    .setParameter("dueBy", dueBy).executeUpdate();
        });
        if (digests > 0) {
            LOG.infof("%d digest(s) due", digests);
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(dueBy));
        List<Claimed> emails = claim.emails();
        for (int i = 0; i < emails.size(); i++) {
            Claimed email = emails.get(i);
            if (!Instant.now().plus(config.smtpTimeout()).isBefore(email.claimedAt().plus(config.claimTimeout()))) {
                // another round may take these over before a send started now would end: give them back untried
                emails.subList(i, emails.size()).forEach(unsent -> QuarkusTransaction.requiringNew()
                        .run(() -> record(unsent, Result.RELEASED, null)));
                return Round.MORE;
            }
            String failure = send(mailServer, email);
            // a database hiccup now must not leave an accepted email SENDING (it would be sent again after the
            // claim timeout): try the record a few times; the claim's version makes a repeat harmless
            recordRetry.call(() -> {
                QuarkusTransaction.requiringNew().run(() -> record(email, failure == null ? Result.SENT
                        : Result.FAILED, failure));
                return null;
            }, (attempt, e, delay) -> LOG.warnf("Alert %s: could not record the result yet (%s); again in %d ms",
                    email.alertId(), e.getClass().getName(), delay.toMillis()));
        }
        return claim.due() < config.batchSize() ? Round.DONE : Round.MORE;
    }

    /**
     * Whether an escalation's supervisor was sent the alert itself, in an inactive therapist's place (or is waiting
     * for an address to be sent it): then the escalation would tell them only what they were told first. The query
     * flushes this claim's rows first, so an alert email routed a moment ago in the same claim counts.
     */
    private static boolean supervisorHadTheAlert(AlertNotification escalation) {
        return escalation.purpose == Purpose.ESCALATION && AlertNotification.count(
                "alertId = ?1 and purpose = ?2 and status <> ?3 and (recipient = ?4 or status = ?5)",
                escalation.alertId, Purpose.ALERT, Status.FAILED, AlertNotification.Recipient.SUPERVISOR,
                Status.WAITING_FOR_SUPERVISOR) > 0;
    }

    private Claim claim(Instant dueBy) {
        @SuppressWarnings("unchecked")
        List<AlertNotification> due = entityManager.createNativeQuery(DUE, AlertNotification.class)
                .setParameter("dueBy", dueBy)
                .setParameter("abandonedBefore", dueBy.minus(config.claimTimeout()))
                .setParameter("limit", config.batchSize())
                .getResultList();
        Instant now = Instant.now();
        List<AlertNotification> claimed = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        List<List<UUID>> listed = new ArrayList<>();
        for (AlertNotification notification : due) {
            // read after the row lock: see WaitingAlerts for why that order matters
            Optional<Therapist> therapist = recipients.therapist(notification.therapistId);
            if (notification.clinicId == null) { // rows from before V5 carry none: WaitingAlerts releases by clinic
                notification.clinicId = therapist.map(Therapist::clinicId).orElse(null);
            }
            String clinicId = notification.clinicId;
            Preferences chosen = preferences.of(notification.therapistId);
            Routing.Decision decision = Routing.decide(notification.purpose, notification.kind, therapist,
                    recipients.supervisor(clinicId), supervisorHadTheAlert(notification), chosen, dueBy);
            String therapistName = therapist.map(Therapist::displayName).orElse("the therapist");
            if (decision instanceof Routing.WaitForTherapist) {
                notification.waitForTherapist();
                count("waiting");
                LOG.infof("%s %s waits for therapist %s to reach the directory", notification.purpose,
                        about(notification), notification.therapistId);
            } else if (decision instanceof Routing.WaitForSupervisor) {
                notification.waitForSupervisor();
                count("waiting");
                LOG.infof("%s %s waits for clinic %s to give a supervisor address", notification.purpose,
                        about(notification), clinicId);
            } else if (decision instanceof Routing.Defer d) {
                notification.defer(d.until());
                count("deferred");
                LOG.infof("%s %s held until the therapist's quiet hours end at %s", notification.purpose,
                        about(notification), d.until());
            } else if (decision instanceof Routing.ToDigest d) {
                notification.toDigest(d.digestAt());
                count("digested");
                LOG.infof("Alert %s goes into therapist %s's digest of %s", notification.alertId,
                        notification.therapistId, d.digestAt());
            } else if (decision instanceof Routing.Skip skip) {
                if (notification.purpose == Purpose.DIGEST) {
                    int redecided = entityManager.createNativeQuery(REDECIDE_LISTED).setParameter("now", now)
                            .setParameter("therapist", notification.therapistId)
                            .setParameter("digestAt", notification.digestAt).executeUpdate();
                    LOG.infof("Digest %s not sent (%s): its %d alert(s) decided again", notification.id,
                            skip.reason(), redecided);
                }
                notification.skip(skip.reason());
                count("skipped");
                LOG.infof("%s %s not sent: %s", notification.purpose, about(notification), skip.reason());
            } else if (decision instanceof Routing.Send to) {
                List<UUID> items = List.of();
                AlertEmail email;
                if (notification.purpose == Purpose.DIGEST) {
                    List<AlertNotification> waiting = AlertNotification.list(
                            "therapistId = ?1 and status = ?2 and nextAttemptAt = ?3 order by createdAt, id",
                            notification.therapistId, Status.IN_DIGEST, notification.digestAt);
                    if (waiting.isEmpty()) {
                        notification.claim(now);
                        notification.cancel();
                        LOG.infof("Digest %s of therapist %s has nothing left to list (acknowledged, resolved or"
                                + " re-decided); not sent", notification.id, notification.therapistId);
                        continue;
                    }
                    items = waiting.stream().map(n -> n.id).toList();
                    email = emails.digest(notification, waiting, to, chosen.timeZone());
                } else {
                    email = switch (notification.purpose) {
                        case ALERT -> emails.alert(notification, to, therapistName);
                        case ESCALATION -> emails.escalation(notification, to, therapistName);
                        case RESOLVED -> emails.resolved(notification, to);
                        case DIGEST -> throw new IllegalStateException("handled above");
                    };
                }
                if (notification.status == Status.SENDING) {
                    LOG.warnf("%s %s: claimed at %s with no result recorded since; sending it again",
                            notification.purpose, about(notification), notification.claimedAt);
                }
                notification.recipient = to.role();
                notification.claim(now);
                claimed.add(notification);
                listed.add(items);
                mails.add(Mail.withText(to.email(), email.subject(), email.text()).setHtml(email.html())
                        .addHeader("Message-ID", email.messageId()));
            }
        }
        entityManager.flush(); // increments the versions that fence this claim's results
        List<Claimed> claimedEmails = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            AlertNotification n = claimed.get(i);
            claimedEmails.add(new Claimed(n.id, n.version, n.alertId, now, mails.get(i), listed.get(i)));
        }
        return new Claim(due.size(), claimedEmails);
    }

    private void count(String outcome) {
        meters.counter("alliance_pulse.notification.emails", "outcome", outcome).increment();
    }

    /** How a log line names an email: the alert it is about, or the digest's row. */
    private static String about(AlertNotification n) {
        return n.alertId != null ? "about alert " + n.alertId : "digest " + n.id;
    }

    /**
     * Talks to the SMTP server, outside any transaction.
     *
     * @return null once the server accepted the email, else the failure's exception type
     */
    private String send(ReactiveMailer mailServer, Claimed email) {
        CompletableFuture<Void> accepted = mailServer.send(email.mail()).subscribeAsCompletionStage();
        try {
            accepted.get(config.smtpTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            accepted.whenComplete((late, failure) -> {
                if (failure == null) {
                    LOG.warnf("Alert %s: the SMTP server accepted the email after the timeout gave it up;"
                            + " its retry will be a duplicate (same Message-ID)", email.alertId());
                }
            });
            return e.getClass().getName();
        } catch (ExecutionException e) {
            return (e.getCause() == null ? e : e.getCause()).getClass().getName();
        } catch (InterruptedException e) {
            // stopping: the outcome is unknown, so the claim stays for claim-timeout to resolve, as after a crash
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        }
    }

    private enum Result {
        SENT, FAILED, RELEASED
    }

    private void record(Claimed email, Result result, String failure) {
        AlertNotification notification = entityManager.find(AlertNotification.class, email.id(),
                LockModeType.PESSIMISTIC_WRITE);
        if (notification.version != email.version() || notification.status != Status.SENDING) {
            LOG.warnf("Alert %s: another round took over the claim; this round's result (%s) is not recorded",
                    email.alertId(), result);
            return;
        }
        Instant now = Instant.now();
        switch (result) {
            case SENT -> {
                notification.sent(now);
                List<AlertNotification> about = List.of(notification);
                if (!email.listed().isEmpty()) {
                    // still listed: one acknowledged meanwhile was cancelled (it went out in the digest all the same)
                    about = AlertNotification.list("id in ?1 and status = ?2", email.listed(), Status.IN_DIGEST);
                    about.forEach(item -> item.sentInDigest(now));
                }
                for (AlertNotification alert : about) {
                    outbox.publish(new NotificationSent(notification.id, alert.alertId, alert.clientId,
                            alert.therapistId, notification.attempts, now, notification.purpose.name(),
                            notification.recipient == null ? null : notification.recipient.name(),
                            alert.alertRaisedAt, alert.alertRaisedAt == null ? null
                                    : Math.max(0, Duration.between(alert.alertRaisedAt, now).toMillis()),
                            alert.kind));
                }
                count("sent");
                LOG.infof("Emailed %s %s to the %s (attempt %d%s)", notification.purpose, about(notification),
                        notification.recipient, notification.attempts,
                        email.listed().isEmpty() ? "" : ", listing " + email.listed().size() + " alert(s)");
            }
            case FAILED -> {
                if (notification.failed(failure, now, backoff, config.maxAttempts())) {
                    List<AlertNotification> about = email.listed().isEmpty() ? List.of(notification)
                            : AlertNotification.list("id in ?1 and status = ?2", email.listed(), Status.IN_DIGEST);
                    about.stream().filter(item -> item != notification).forEach(item -> item.failedWithDigest(failure));
                    for (AlertNotification alert : about) {
                        outbox.publish(new NotificationFailed(notification.id, alert.alertId, alert.clientId,
                                alert.therapistId, notification.attempts, failure, now, notification.purpose.name(),
                                alert.alertRaisedAt, alert.alertRaisedAt == null ? null
                                        : Math.max(0, Duration.between(alert.alertRaisedAt, now).toMillis()),
                                alert.kind));
                    }
                    meters.counter("alliance_pulse.notification.emails", "outcome", "failed").increment();
                    LOG.errorf("Gave up emailing %s %s after %d attempts (%s)", notification.purpose,
                            about(notification), notification.attempts, failure);
                } else {
                    meters.counter("alliance_pulse.notification.emails", "outcome", "retry").increment();
                    LOG.warnf("Could not email %s %s yet (%s); attempt %d, next at %s", notification.purpose,
                            about(notification), failure, notification.attempts, notification.nextAttemptAt);
                }
            }
            case RELEASED -> notification.release(now);
        }
    }
}
