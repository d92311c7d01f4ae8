package org.alliancepulse.analytics.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.assessment.DyadAssessor;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Every session, attendance and measure from session-service: recorded in the dyad state, then the dyad is assessed
 * again (in the same transaction, so an alert and the event that caused it commit together or not at all).
 */
@ApplicationScoped
public class SessionEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    DyadRecorder recorder;

    @Inject
    DyadAssessor assessor;

    @Inject
    ClientLocks locks;

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.FEEDBACK_SUBMITTED, feedback -> {
            locks.hold(feedback.clientId());
            recorder.feedback(feedback, AllianceIndex.indexOf(feedback));
            assessor.afterSessionEvent(feedback.sessionId());
        }).and(EventTypes.FEEDBACK_CORRECTED, corrected -> {
            locks.hold(corrected.clientId());
            recorder.feedbackCorrected(corrected, AllianceIndex.indexOf(corrected));
            assessor.afterSessionEvent(corrected.sessionId());
        }).and(EventTypes.SESSION_SCHEDULED, scheduled -> {
            locks.hold(scheduled.clientId());
            recorder.scheduled(scheduled);
            assessor.afterSessionEvent(scheduled.sessionId());
        }).and(EventTypes.SESSION_ATTENDED, attended -> {
            locks.hold(attended.clientId());
            recorder.attended(attended);
            assessor.afterSessionEvent(attended.sessionId());
        }).and(EventTypes.SESSION_NO_SHOW, noShow -> {
            locks.hold(noShow.clientId());
            recorder.noShow(noShow);
            assessor.afterSessionEvent(noShow.sessionId());
        }).and(EventTypes.SESSION_CANCELLED, cancelled -> {
            locks.hold(cancelled.clientId());
            recorder.cancelled(cancelled);
            assessor.afterSessionEvent(cancelled.sessionId());
        }).and(EventTypes.SESSION_OUTCOME_CORRECTED, corrected -> {
            locks.hold(corrected.clientId());
            recorder.outcomeCorrected(corrected);
            assessor.afterSessionEvent(corrected.sessionId());
        });
    }

    @Incoming("session-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }
}
