package org.alliancepulse.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.contracts.notification.NotificationFailed;
import org.alliancepulse.contracts.notification.NotificationSent;
import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.notification.directory.TherapistContact;
import org.alliancepulse.platform.outbox.Outbox;
import org.alliancepulse.platform.work.BackgroundWorker;
import org.alliancepulse.platform.work.BackgroundWorker.Round;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the emails the delivery log says are due, right after they are logged, and retries failures with
 * exponential back-off. Due rows are locked with SKIP LOCKED, so several instances share the work without sending
 * an email twice; a row is marked SENT in the transaction that sent it. An instance dying after the mail server
 * accepted a message but before that commit would send it again on restart: SMTP offers no way to close that last
 * gap, and one duplicate after a crash beats a lost alert.
 */
@ApplicationScoped
public class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);

    private static final String DUE = """
            SELECT * FROM alert_notification
            WHERE status = 'PENDING' AND next_attempt_at <= now()
            ORDER BY next_attempt_at LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    Mailer mailer;

    @Inject
    Outbox outbox;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry meters;

    private BackgroundWorker worker;

    void start(@Observes StartupEvent startup) {
        worker = new BackgroundWorker("alert-mailer", this::deliverDue, config.pollInterval(), Duration.ofMinutes(1));
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop();
    }

    public BackgroundWorker worker() {
        return worker;
    }

    Round deliverDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<AlertNotification> due = entityManager.createNativeQuery(DUE, AlertNotification.class)
                    .setParameter("limit", config.batchSize()).getResultList();
            due.forEach(this::deliver);
            return due.size() < config.batchSize() ? Round.DONE : Round.MORE;
        });
    }

    private void deliver(AlertNotification notification) {
        TherapistContact contact = TherapistContact.findById(notification.therapistId);
        if (contact == null) {
            // the alert overtook the therapist's registration (different topics): wait for the directory
            failed(notification, "THERAPIST_NOT_IN_DIRECTORY");
            return;
        }
        String link = config.appBaseUrl().replaceAll("/+$", "") + "/alerts/" + notification.alertId;
        AlertEmail email = AlertEmail.compose(notification.kind, notification.clientCode, notification.sessionDate,
                link, contact.displayName);
        try {
            mailer.send(Mail.withText(contact.workEmail, email.subject(), email.body()));
        } catch (RuntimeException e) {
            failed(notification, e.getClass().getSimpleName());
            return;
        }
        notification.attempts++;
        notification.status = AlertNotification.Status.SENT;
        notification.sentAt = Instant.now();
        outbox.publish(new NotificationSent(notification.id, notification.alertId, notification.clientId,
                notification.therapistId, notification.attempts, notification.sentAt));
        meters.counter("alliance_pulse.notification.emails", "outcome", "sent").increment();
        LOG.infof("Emailed %s alert %s to therapist %s", notification.kind, notification.alertId,
                notification.therapistId);
    }

    private void failed(AlertNotification notification, String reason) {
        notification.attempts++;
        notification.lastError = reason;
        if (notification.attempts >= config.maxAttempts()) {
            notification.status = AlertNotification.Status.FAILED;
            outbox.publish(new NotificationFailed(notification.id, notification.alertId, notification.clientId,
                    notification.therapistId, notification.attempts, reason, Instant.now()));
            meters.counter("alliance_pulse.notification.emails", "outcome", "failed").increment();
            LOG.errorf("Gave up emailing alert %s after %d attempts (%s)", notification.alertId,
                    notification.attempts, reason);
            return;
        }
        Duration delay = config.firstRetryDelay().multipliedBy(1L << Math.min(notification.attempts - 1, 20));
        if (delay.compareTo(config.maxRetryDelay()) > 0) {
            delay = config.maxRetryDelay();
        }
        notification.nextAttemptAt = Instant.now().plus(delay);
        LOG.warnf("Could not email alert %s yet (%s); attempt %d, next in %s", notification.alertId, reason,
                notification.attempts, delay);
    }
}
