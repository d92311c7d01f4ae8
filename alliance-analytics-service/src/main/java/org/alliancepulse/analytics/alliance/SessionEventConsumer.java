package org.alliancepulse.analytics.alliance;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.alert.Alerts;
import org.alliancepulse.analytics.dyad.DyadRecorder;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.contracts.session.FeedbackSubmitted;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Records every session, attendance and measure in the dyad state, and raises what the rules call for. */
@ApplicationScoped
public class SessionEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Alerts alerts;

    @Inject
    AllianceConfig config;

    @Inject
    DyadRecorder recorder;

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.FEEDBACK_SUBMITTED, this::record)
                .and(EventTypes.FEEDBACK_CORRECTED, corrected -> recorder.feedbackCorrected(corrected,
                        corrected.allianceIndex() != null ? corrected.allianceIndex()
                                : AllianceIndex.of(corrected.instrument(), corrected.total()).orElse(null)))
                .and(EventTypes.SESSION_SCHEDULED, recorder::scheduled)
                .and(EventTypes.SESSION_ATTENDED, recorder::attended)
                .and(EventTypes.SESSION_NO_SHOW, recorder::noShow)
                .and(EventTypes.SESSION_CANCELLED, recorder::cancelled)
                .and(EventTypes.SESSION_OUTCOME_CORRECTED, recorder::outcomeCorrected);
    }

    @Incoming("session-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }

    private void record(FeedbackSubmitted feedback) {
        // an organisation's own alliance instrument comes with its index; the built-in ones are known here too
        BigDecimal index = feedback.allianceIndex() != null ? feedback.allianceIndex()
                : AllianceIndex.of(feedback.instrument(), feedback.total()).orElse(null);
        if (recorder.feedback(feedback, index) == null) {
            return; // the same feedback republished counts once
        }
        BigDecimal cutOff = config.lowSrsTotal();
        LowAlliance.assess(feedback.instrument(), feedback.total(), cutOff)
                .ifPresent(reason -> alerts.raise(LowAlliance.KIND, "WARNING", List.of(reason), feedback));
    }
}
