package org.alliancepulse.analytics.dyad;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.analytics.alert.ErasedClient;
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
 * Episodes of care and the dyads within them (each change assesses the client's dyads again), from intake-service's events: who is whose therapist, since when, and
 * how each dyad and episode ended (a reassignment and its reason, a planned ending or a dropout); and which login is
 * which therapist; and a client's erasure, which takes the notes written on their alerts. Nothing about the person:
 * intake's events carry ids and the pseudonymous client code only.
 */
@ApplicationScoped
public class IntakeEventConsumer implements InboxConsumer {

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
        return Topics.INTAKE_EVENTS;
    }

    @Override
    public EventHandlers handlers() {
        DyadBatch batch = new DyadBatch(locks, courses, assessor);
        DyadRecorder recorder = new DyadRecorder(batch.rows());
        return EventHandlers.on(EventTypes.CLIENT_ASSIGNED, assigned -> {
            batch.lock(assigned.clientId());
            recorder.assigned(assigned);
            batch.touchedClient(assigned.clientId());
        }).and(EventTypes.CLIENT_REASSIGNED, reassigned -> {
            batch.lock(reassigned.clientId());
            recorder.reassigned(reassigned);
            batch.touchedClient(reassigned.clientId());
        }).and(EventTypes.CLINIC_REGISTERED, registered -> {
            batch.rows().clinicNamed(registered.clinicId(), registered.name()); // the clinic's id is the subject
        }).and(EventTypes.CLINIC_UPDATED, updated -> {
            batch.rows().clinicNamed(updated.clinicId(), updated.name());
        }).and(EventTypes.THERAPIST_REGISTERED, registered -> {
            batch.lock(registered.therapistId()); // its subject: the login's row is read with the batch
            recorder.therapistRegistered(registered);
        })
                .and(EventTypes.EPISODE_CLOSED, closed -> {
                    batch.lock(closed.clientId());
                    recorder.closed(closed);
                    batch.touchedClient(closed.clientId());
                }).and(EventTypes.CLIENT_ERASED, erased -> {
                    batch.lock(erased.clientId());
                    ErasedClient.erase(erased.clientId(), erased.erasedAt());
                }).around(batch);
    }

    /** A poll's worth at a time (see {@link Inbox#processBatch}). */
    @Incoming("intake-events")
    @Blocking(InboxConsumer.WORKERS)
    public void consume(ConsumerRecords<String, String> records) {
        inbox.processBatch(records, handlers());
    }
}
