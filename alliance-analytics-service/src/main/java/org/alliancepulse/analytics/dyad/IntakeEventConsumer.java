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
 * Episodes of care and the dyads within them (each change assesses the client's dyads again), from intake-service's events: who is whose therapist, since when, and
 * how each dyad and episode ended (a reassignment and its reason, a planned ending or a dropout); and which login is
 * which therapist. Nothing about the person: intake's events carry ids and the pseudonymous client code only.
 */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

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
        return Topics.INTAKE_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        return EventHandlers.on(EventTypes.CLIENT_ASSIGNED, assigned -> {
            locks.hold(assigned.clientId());
            recorder.assigned(assigned);
            assessor.afterIntakeEvent(assigned.clientId());
        }).and(EventTypes.CLIENT_REASSIGNED, reassigned -> {
            locks.hold(reassigned.clientId());
            recorder.reassigned(reassigned);
            assessor.afterIntakeEvent(reassigned.clientId());
        }).and(EventTypes.THERAPIST_REGISTERED, registered -> {
            locks.holdNoRebuild();
            recorder.therapistRegistered(registered);
        }).and(EventTypes.EPISODE_CLOSED, closed -> {
            locks.hold(closed.clientId());
            recorder.closed(closed);
            assessor.afterIntakeEvent(closed.clientId());
        });
    }

    @Incoming("intake-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, handlers());
    }
}
