package org.alliancepulse.notification.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.alliance.AlertAcknowledged;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.alliance.AlertResolved;
import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.notification.delivery.AlertNotification.Purpose;
import org.alliancepulse.notification.delivery.AlertNotification.Status;
import org.alliancepulse.notification.preferences.PreferencesBook;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.alliancepulse.platform.work.AfterCommit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Turns the alert stream into the delivery log; {@link AlertMailer} sends what is due once the transaction has
 * committed. Sending is not done here so that a slow or broken mail server never holds up (or poisons) the stream.
 * <ul>
 * <li>{@code AlertRaised}: the alert's own email, due now, and — for the kinds that escalate — the supervisor's
 * email, due {@code escalate-after} later.</li>
 * <li>{@code AlertAcknowledged} / {@code AlertResolved}: whatever about the alert has not gone out yet (an
 * escalation, an email held for quiet hours, a place in a digest) is cancelled. A resolved alert whose email
 * reached its therapist gets a short note, if they asked for them.</li>
 * </ul>
 */
@ApplicationScoped
public class AllianceAlertConsumer implements InboxConsumer {

    private static final Logger LOG = Logger.getLogger(AllianceAlertConsumer.class);

    /** Everything about the alert that has not gone out yet; a SENDING email is in flight and cannot be recalled. */
    private static final String CANCEL = """
            UPDATE alert_notification
            SET status = 'CANCELLED', last_error = :why, version = version + 1
            WHERE alert_id = :alert AND purpose IN ('ALERT', 'ESCALATION')
              AND status IN ('PENDING', 'WAITING_FOR_THERAPIST', 'WAITING_FOR_SUPERVISOR', 'IN_DIGEST')
            RETURNING purpose
            """;

    @Inject
    Inbox inbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertMailer mailer;

    @Inject
    NotificationConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    PreferencesBook preferences;

    @Override
    public String topic() {
        return Topics.ALLIANCE_ALERTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.ALERT_RAISED, this::raised)
                .and(EventTypes.ALERT_ACKNOWLEDGED, this::acknowledged)
                .and(EventTypes.ALERT_RESOLVED, this::resolved);
    }

    @Incoming("alliance-alerts")
    @Blocking(InboxConsumer.WORKERS)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private void raised(AlertRaised alert) {
        // keyed by alert id: the same alert under another event id is still one email
        if (AlertNotification.existsForAlert(alert.alertId())) {
            return;
        }
        Instant now = Instant.now();
        AlertNotification notification = about(alert, Purpose.ALERT, now);
        if (alert.occurredAt() != null && alert.occurredAt().isBefore(now.minus(config.historicalAlertAge()))) {
            // a delivery decision, not a clinical one: the alert itself stays dated then, in analytics
            notification.status = Status.NOT_SENT_HISTORICAL;
            notification.persist();
            LOG.infof("Alert %s concerns a session of %s: recorded, not emailed (historical)", alert.alertId(),
                    alert.sessionDate());
            return;
        }
        notification.persist();
        if (Routing.ESCALATED_KINDS.contains(alert.kind())) {
            // the wall clock here, on purpose: escalation is about how long the alert went unseen since it arrived
            about(alert, Purpose.ESCALATION, now.plus(config.escalateAfter())).persist();
        }
        afterCommit.wake(mailer.worker());
    }

    private static AlertNotification about(AlertRaised alert, Purpose purpose, Instant dueAt) {
        AlertNotification notification = AlertNotification.due(purpose, alert.alertId(), alert.kind(),
                alert.clientId(), alert.clientCode(), alert.therapistId(), alert.sessionDate(), dueAt);
        notification.clinicId = alert.clinicId();
        notification.alertRaisedAt = alert.raisedAt();
        // names only, for the email's words: the pillars that fell, the three largest risk factors
        notification.pillars = alert.pillars() == null || alert.pillars().isEmpty() ? null
                : String.join(",", alert.pillars());
        notification.factors = alert.riskFactors() == null || alert.riskFactors().isEmpty() ? null
                : alert.riskFactors().stream()
                        .filter(f -> f.contribution() != null && f.contribution().signum() > 0)
                        .sorted(Comparator.comparing(AlertRaised.RiskFactorContribution::contribution).reversed())
                        .limit(3).map(AlertRaised.RiskFactorContribution::factor)
                        .collect(Collectors.joining(","));
        return notification;
    }

    private void acknowledged(AlertAcknowledged acknowledged) {
        List<String> cancelled = cancel(acknowledged.alertId(), "ACKNOWLEDGED");
        if (!cancelled.isEmpty()) {
            LOG.infof("Alert %s acknowledged: not sent after all, as no longer needed: %s", acknowledged.alertId(),
                    cancelled);
        }
    }

    private void resolved(AlertResolved resolved) {
        List<String> cancelled = cancel(resolved.alertId(), "RESOLVED_" + resolved.resolution());
        if (!cancelled.isEmpty()) {
            LOG.infof("Alert %s resolved (%s): not sent after all, as no longer needed: %s", resolved.alertId(),
                    resolved.resolution(), cancelled);
        }
        AlertNotification emailed = AlertNotification.find("alertId = ?1 and purpose = ?2", resolved.alertId(),
                Purpose.ALERT).firstResult();
        boolean toldTheTherapist = emailed != null && emailed.status == Status.SENT
                && emailed.recipient == AlertNotification.Recipient.THERAPIST;
        boolean recent = !resolved.occurredAt().isBefore(Instant.now().minus(config.historicalAlertAge()));
        // ESCALATED: the unresolved rupture it became has its own alert and email; "resolved" would mislead
        boolean over = !"ESCALATED".equals(resolved.resolution());
        if (!toldTheTherapist || !recent || !over || !preferences.of(resolved.therapistId()).resolvedNotes()
                || AlertNotification.count("alertId = ?1 and purpose = ?2", resolved.alertId(), Purpose.RESOLVED) > 0) {
            return;
        }
        AlertNotification note = AlertNotification.due(Purpose.RESOLVED, resolved.alertId(), resolved.kind(),
                resolved.clientId(), resolved.clientCode(), resolved.therapistId(), resolved.sessionDate(),
                Instant.now());
        note.clinicId = resolved.clinicId();
        note.alertRaisedAt = emailed.alertRaisedAt;
        note.resolution = resolved.resolution();
        note.resolvedOn = AlertResolved.dayOf(resolved.resolution(), resolved.sessionDate(), resolved.occurredAt());
        note.persist();
        afterCommit.wake(mailer.worker());
    }

    /** Cancels what is still to be sent about the alert; returns what that was (ALERT, ESCALATION), for the log. */
    @SuppressWarnings("unchecked")
    private List<String> cancel(java.util.UUID alertId, String why) {
        return ((List<Object>) entityManager.createNativeQuery(CANCEL).setParameter("why", why)
                .setParameter("alert", alertId).getResultList()).stream().map(String::valueOf).sorted().toList();
    }
}
