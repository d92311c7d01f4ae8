package org.alliancepulse.notification.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.notification.NotificationConfig;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.alliancepulse.platform.work.AfterCommit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * Records each raised alert in the delivery log; {@link AlertMailer} sends it once the transaction has committed.
 * Sending is not done here so that a slow or broken mail server never holds up (or poisons) the alert stream.
 */
@ApplicationScoped
public class AllianceAlertConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    AlertMailer mailer;

    @Inject
    NotificationConfig config;

    private static final Logger LOG = Logger.getLogger(AllianceAlertConsumer.class);

    @Override
    public String topic() {
        return Topics.ALLIANCE_ALERTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.ALERT_RAISED, this::enqueue);
    }

    @Incoming("alliance-alerts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private void enqueue(AlertRaised alert) {
        // keyed by alert id: the same alert under another event id is still one email
        if (AlertNotification.existsForAlert(alert.alertId())) {
            return;
        }
        Instant now = Instant.now();
        AlertNotification notification = AlertNotification.due(alert.alertId(), alert.kind(), alert.clientId(),
                alert.clientCode(), alert.therapistId(), alert.sessionDate(), now);
        // names only, for the email's words: the pillars that fell, the three largest risk factors
        notification.pillars = alert.pillars() == null || alert.pillars().isEmpty() ? null
                : String.join(",", alert.pillars());
        notification.factors = alert.riskFactors() == null || alert.riskFactors().isEmpty() ? null
                : alert.riskFactors().stream()
                        .filter(f -> f.contribution() != null && f.contribution().signum() > 0)
                        .sorted(java.util.Comparator.comparing(AlertRaised.RiskFactorContribution::contribution)
                                .reversed())
                        .limit(3).map(AlertRaised.RiskFactorContribution::factor)
                        .collect(java.util.stream.Collectors.joining(","));
        if (alert.occurredAt() != null && alert.occurredAt().isBefore(now.minus(config.historicalAlertAge()))) {
            // a delivery decision, not a clinical one: the alert itself stays dated then, in analytics
            notification.status = AlertNotification.Status.NOT_SENT_HISTORICAL;
            notification.persist();
            LOG.infof("Alert %s concerns a session of %s: recorded, not emailed (historical)", alert.alertId(),
                    alert.sessionDate());
            return;
        }
        notification.persist();
        afterCommit.wake(mailer.worker());
    }
}
