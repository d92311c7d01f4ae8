package org.alliancepulse.analytics.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.alliancepulse.contracts.alliance.AlertRaised;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/** Raises alerts: one open alert per dyad and kind, announced through the outbox in the same transaction. */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    @Inject
    Outbox outbox;

    /** @return the new alert, or empty when one of that kind is already open for the dyad */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Alert> raise(String kind, String severity, List<String> reasons, FeedbackSubmitted feedback) {
        if (Alert.openFor(feedback.clientId(), feedback.therapistId(), kind)) {
            LOG.debugf("%s already open for client %s; not raised again", kind, feedback.clientId());
            return Optional.empty();
        }
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.kind = kind;
        alert.severity = severity;
        alert.status = Alert.Status.OPEN;
        alert.clientId = feedback.clientId();
        alert.clientCode = feedback.clientCode();
        alert.therapistId = feedback.therapistId();
        alert.clinicId = feedback.clinicId();
        alert.sessionId = feedback.sessionId();
        alert.sessionDate = feedback.sessionDate();
        alert.reasons = String.join(",", reasons);
        alert.raisedAt = Instant.now();
        alert.persist();
        outbox.publish(new AlertRaised(alert.id, kind, severity, alert.clientId, alert.clientCode, alert.therapistId,
                alert.clinicId, alert.sessionId, alert.sessionDate, reasons, alert.raisedAt));
        LOG.infof("Raised %s alert %s for client %s", kind, alert.id, alert.clientId);
        return Optional.of(alert);
    }
}
