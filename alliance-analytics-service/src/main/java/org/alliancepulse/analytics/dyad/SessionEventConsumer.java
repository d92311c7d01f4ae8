package org.alliancepulse.analytics.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.assessment.DyadAssessor;
import org.alliancepulse.contracts.EventTypes;
import org.alliancepulse.contracts.Topics;
import org.alliancepulse.platform.inbox.EventHandlers;
import org.alliancepulse.platform.inbox.Inbox;
import org.alliancepulse.platform.inbox.InboxConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Every session, attendance and measure from session-service: recorded in the dyad state, then each dyad the
 * batch touched is assessed again ({@link DyadBatch}; in the same transaction, so an alert and the events that caused
 * it commit together or not at all).
 */
@ApplicationScoped
public class SessionEventConsumer implements InboxConsumer {

    @Inject
    Inbox inbox;

    @Inject
    DyadAssessor assessor;

    @Inject
    ClientLocks locks;

    @Inject
    DyadCourses courses;

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        DyadBatch batch = new DyadBatch(locks, courses, assessor);
        DyadRecorder recorder = new DyadRecorder(batch.rows());
        return EventHandlers.on(EventTypes.FEEDBACK_SUBMITTED, feedback -> {
            batch.lock(feedback.clientId());
            recorder.feedback(feedback, AllianceIndex.indexOf(feedback));
            batch.touchedSession(feedback.sessionId());
        }).and(EventTypes.FEEDBACK_CORRECTED, corrected -> {
            batch.lock(corrected.clientId());
            recorder.feedbackCorrected(corrected, AllianceIndex.indexOf(corrected));
            batch.touchedSession(corrected.sessionId());
        }).and(EventTypes.SESSION_SCHEDULED, scheduled -> {
            batch.lock(scheduled.clientId());
            recorder.scheduled(scheduled);
            batch.touchedSession(scheduled.sessionId());
        }).and(EventTypes.SESSION_ATTENDED, attended -> {
            batch.lock(attended.clientId());
            recorder.attended(attended);
            batch.touchedSession(attended.sessionId());
        }).and(EventTypes.SESSION_NO_SHOW, noShow -> {
            batch.lock(noShow.clientId());
            recorder.noShow(noShow);
            batch.touchedSession(noShow.sessionId());
        }).and(EventTypes.SESSION_CANCELLED, cancelled -> {
            batch.lock(cancelled.clientId());
            recorder.cancelled(cancelled);
            batch.touchedSession(cancelled.sessionId());
        }).and(EventTypes.SESSION_OUTCOME_CORRECTED, corrected -> {
            batch.lock(corrected.clientId());
            recorder.outcomeCorrected(corrected);
            batch.touchedSession(corrected.sessionId());
        }).around(batch);
    }

    /** A poll's worth at a time (see {@link Inbox#processBatch}). */
    @Incoming("session-events")
    @Blocking(InboxConsumer.WORKERS)
    public void consume(ConsumerRecords<String, String> records) {
        inbox.processBatch(records, handlers());
    }
}
