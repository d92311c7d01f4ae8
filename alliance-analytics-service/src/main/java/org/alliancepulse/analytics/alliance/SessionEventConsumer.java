package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.alert.Alerts;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Adds each alliance measure to its dyad's series and raises what the rules call for. */
@ApplicationScoped
public class SessionEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Alerts alerts;

    @Inject
    AllianceConfig config;

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.FEEDBACK_SUBMITTED, this::record);
    }

    @Incoming("session-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private void record(FeedbackSubmitted feedback) {
        var index = AllianceIndex.of(feedback.instrument(), feedback.total());
        if (index.isEmpty() || AllianceMeasurement.findById(feedback.feedbackId()) != null) {
            return; // outcome measures are not alliance; the same feedback republished counts once
        }
        AllianceMeasurement measurement = new AllianceMeasurement();
        measurement.feedbackId = feedback.feedbackId();
        measurement.sessionId = feedback.sessionId();
        measurement.clientId = feedback.clientId();
        measurement.therapistId = feedback.therapistId();
        measurement.clinicId = feedback.clinicId();
        measurement.sessionDate = feedback.sessionDate();
        measurement.instrument = feedback.instrument();
        measurement.total = feedback.total();
        measurement.allianceIndex = index.get();
        measurement.submittedAt = feedback.submittedAt();
        measurement.persist();

        BigDecimal cutOff = config.lowSrsTotal();
        LowAlliance.assess(feedback.instrument(), feedback.total(), cutOff)
                .ifPresent(reason -> alerts.raise(LowAlliance.KIND, "WARNING", List.of(reason), feedback));
    }
}
